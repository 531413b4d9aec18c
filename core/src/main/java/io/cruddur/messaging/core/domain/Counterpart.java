package io.cruddur.messaging.core.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Whom a group row shows its owner: the other person of a pair conversation, or a group
 * conversation of several people.
 */
public sealed interface Counterpart {

    /** {@return the name a list of conversations shows for this row} */
    String displayName();

    /** {@return how many people the conversation has, the row's owner included} */
    int members();

    /**
     * The other person of a pair.
     *
     * @param user the other member
     */
    record Person(User user) implements Counterpart {
        /**
         * Requires the user.
         *
         * @param user the other member
         */
        public Person {
            Objects.requireNonNull(user, "user");
        }

        @Override
        public String displayName() {
            return user.displayName();
        }

        @Override
        public int members() {
            return 2;
        }
    }

    /**
     * A group of several people.
     *
     * @param title       the group's title, if it was given one
     * @param displayName the title, or else the names of the first other members
     * @param members     how many people the group has, the row's owner included
     */
    record Group(Optional<GroupTitle> title, String displayName, int members) implements Counterpart {
        /** How many other members' names make up the name of a group without a title. */
        static final int NAMES_SHOWN = 3;
        /** The name of a group without a title whose other members have all left. */
        static final String NOBODY_ELSE = "Nobody else";

        /**
         * Requires every component and at least one member.
         *
         * @param title       the group's title, if any
         * @param displayName the name to show; not blank
         * @param members     at least 1
         * @throws IllegalArgumentException when the name is blank or there is no member
         */
        public Group {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(displayName, "displayName");
            if (displayName.isBlank() || members < 1) {
                throw new IllegalArgumentException("a group has a name and at least one member");
            }
        }

        /**
         * {@return the group as {@code owner} sees it: its title, or the names of the first other
         * members, "and N more" when there are further ones; "Nobody else" when everyone else left}
         *
         * @param title   the group's title, if any
         * @param owner   the member whose row this is
         * @param members every member, in the order they were named, the owner among them
         */
        public static Group seenBy(Optional<GroupTitle> title, UserId owner, List<User> members) {
            List<String> others = members.stream().filter(member -> !member.id().equals(owner))
                    .map(User::displayName).toList();
            String name = title.map(GroupTitle::value).orElseGet(() -> {
                if (others.isEmpty()) {
                    return NOBODY_ELSE;
                }
                String shown = String.join(", ", others.subList(0, Math.min(NAMES_SHOWN, others.size())));
                return others.size() > NAMES_SHOWN ? shown + " and " + (others.size() - NAMES_SHOWN) + " more" : shown;
            });
            return new Group(title, name, members.size());
        }
    }
}
