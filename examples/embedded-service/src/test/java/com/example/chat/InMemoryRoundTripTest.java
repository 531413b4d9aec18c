package com.example.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.cruddur.messaging.adapters.inmemory.InMemoryMessaging;
import io.cruddur.messaging.core.domain.User;
import org.junit.jupiter.api.Test;

class InMemoryRoundTripTest {
    @Test
    void a_customer_writes_to_support_and_both_inboxes_show_it() {
        InMemoryMessaging memory = InMemoryMessaging.create();
        User customer = memory.seedUser("customer", "A Customer");
        User support = memory.seedUser("support", "Support Desk");
        SupportChat chat = new SupportChat(memory.messaging());

        chat.write(customer, "@support", "my order is late");
        chat.write(support, "@customer", "on its way");

        assertThat(chat.inbox(customer)).containsExactly("Support Desk: on its way");
        assertThat(chat.inbox(support)).containsExactly("A Customer: on its way");
    }
}
