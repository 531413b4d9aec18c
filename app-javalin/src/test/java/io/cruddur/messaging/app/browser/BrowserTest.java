package io.cruddur.messaging.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.cruddur.messaging.app.ApiClient;
import io.cruddur.messaging.app.Deployment;
import io.cruddur.messaging.app.config.HostConfig;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in a real browser (Debian's headless Chromium): two people, two sessions. Runs in CI
 * ({@code CI=true}), where a missing Chromium fails it; elsewhere only with
 * {@code BROWSER_TESTS=true} and Debian's {@code chromium} and {@code chromium-driver} installed.
 */
class BrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration BOUND = Duration.ofSeconds(15);
    private static Deployment host;

    @BeforeAll
    static void start() {
        boolean ci = "true".equals(System.getenv("CI"));
        Assumptions.assumeTrue(ci || "true".equals(System.getenv("BROWSER_TESTS")),
                "browser test skipped: set BROWSER_TESTS=true (needs Debian's chromium and chromium-driver:"
                        + " apt-get install chromium chromium-driver); CI runs it always");
        assertThat(CHROMIUM).as("Debian's chromium").isExecutable();
        assertThat(CHROMEDRIVER).as("Debian's chromium-driver").isExecutable();
        host = Deployment.memory(HostConfig.from(HostConfig.Mode.MEMORY, 0, Map.of()));
    }

    @AfterAll
    static void stop() {
        if (host != null) {
            host.close();
        }
    }

    @Test
    void two_people_talk_live_and_page_back_through_a_long_conversation() throws IOException {
        WebDriver londo = browser();
        WebDriver drew = browser();
        try {
            signIn(drew, "andrewbrown");
            signIn(londo, "londo");
            waitFor(drew, By.cssSelector("#groups li"));

            londo.findElement(By.id("new-handle")).sendKeys("@nobody");
            londo.findElement(By.cssSelector("#new-conversation button")).click();
            waitForText(londo, By.id("recipient-preview"), "Nobody has that handle.");

            londo.findElement(By.id("new-handle")).clear();
            londo.findElement(By.id("new-handle")).sendKeys("@andrewbrown");
            londo.findElement(By.cssSelector("#new-conversation button")).click();
            waitForText(londo, By.id("recipient-preview"), "You will write to Drew Brown (@andrewbrown).");
            sendMessage(londo, "Hello Drew, this is Londo");

            waitForText(drew, By.cssSelector("#groups li:first-child .who"), "@londo");
            drew.findElement(By.cssSelector("#groups li:first-child button")).click();
            waitForText(drew, By.id("messages"), "Hello Drew, this is Londo");
            sendMessage(drew, "Hi Londo, good to hear from you");

            waitForText(londo, By.id("messages"), "Hi Londo, good to hear from you");
            sendMessage(londo, "Zalgo e" + "\u0301".repeat(12) + " stays on its line");
            waitForText(drew, By.id("messages"), "stays on its line");
            assertThat(drew.findElement(By.cssSelector("#messages li:last-child .text")).getText())
                    .as("combining marks past three are clipped").contains("e\u0301\u0301\u0301 stays")
                    .doesNotContain("\u0301\u0301\u0301\u0301");
            assertThat(drew.findElements(By.cssSelector("#messages li:last-child .who bdi")))
                    .as("the sender's name and handle are isolated").extracting(WebElement::getText)
                    .containsExactly("Londo Reyes", "@londo");
            waitForText(londo, By.cssSelector("#groups li:first-child .last"), "stays on its line");
            List<String> drewsGroups = drew.findElements(By.cssSelector("#groups .who")).stream()
                    .map(WebElement::getText).toList();
            assertThat(drewsGroups).hasSize(2);
            assertThat(drewsGroups.get(0)).contains("@londo");
            assertThat(drewsGroups.get(1)).contains("@bayko");

            drew.findElement(By.cssSelector("#groups li:nth-child(2) button")).click();
            waitForCount(drew, 20);
            drew.findElement(By.id("load-older")).click();
            waitForCount(drew, 30);
            assertThat(drew.findElement(By.id("load-older")).isDisplayed()).isFalse();
            assertThat(drew.findElement(By.cssSelector("#messages li:first-child .text")).getText())
                    .startsWith("Message 1 of 30");

            screenshot(londo, "browser-londo.png");
            screenshot(drew, "browser-andrewbrown.png");
            assertNoConsoleErrors(londo);
            assertNoConsoleErrors(drew);
        } finally {
            londo.quit();
            drew.quit();
        }
    }

    @Test
    void a_group_is_started_with_a_title_grows_by_one_and_loses_one_who_leaves() throws IOException {
        WebDriver altair = browser();
        WebDriver londo = browser();
        try {
            signIn(altair, "altair");
            signIn(londo, "londo");

            altair.findElement(By.id("group-handles")).sendKeys("@sinclair, @londo");
            altair.findElement(By.id("group-title")).sendKeys("Weekend");
            altair.findElement(By.cssSelector("#new-group button")).click();
            waitForText(altair, By.id("conversation-title"), "Weekend (3 people)");
            sendMessage(altair, "Who is in for Saturday?");
            waitForText(altair, By.id("members"), "Members: Altair Nakamura, Jeff Sinclair, Londo Reyes");

            waitForText(londo, By.cssSelector("#groups li:first-child .who"), "Weekend (3 people)");
            londo.findElement(By.cssSelector("#groups li:first-child button")).click();
            waitForText(londo, By.id("messages"), "Who is in for Saturday?");
            londo.findElement(By.id("add-handles")).sendKeys("@nobody");
            londo.findElement(By.cssSelector("#add-members button")).click();
            waitForText(londo, By.id("members-error"), "Nobody has that handle.");
            londo.findElement(By.id("add-handles")).clear();
            londo.findElement(By.id("add-handles")).sendKeys("@bayko");
            londo.findElement(By.cssSelector("#add-members button")).click();
            waitForText(londo, By.id("members"), "Members: Altair Nakamura, Jeff Sinclair, Londo Reyes, Bay Kovac");
            waitForText(londo, By.id("conversation-title"), "Weekend (4 people)");
            waitForText(altair, By.id("members"), "Bay Kovac");
            waitForText(altair, By.id("conversation-title"), "Weekend (4 people)");

            londo.findElement(By.id("leave-group")).click();
            waitForText(londo, By.id("conversation-title"), "Pick a conversation");
            new WebDriverWait(londo, BOUND).until(driver -> driver.findElements(By.cssSelector("#groups .who")).stream()
                    .noneMatch(who -> who.getText().contains("Weekend")));
            assertThat(londo.findElement(By.id("message-form")).isDisplayed()).isFalse();
            waitForText(altair, By.id("members"), "Members: Altair Nakamura, Jeff Sinclair, Bay Kovac");
            waitForText(altair, By.id("conversation-title"), "Weekend (3 people)");

            screenshot(altair, "browser-group.png");
            assertNoConsoleErrors(altair);
            assertNoConsoleErrors(londo);
        } finally {
            altair.quit();
            londo.quit();
        }
    }

    @Test
    void a_sender_edits_and_deletes_a_message_and_the_other_side_sees_both_live() throws IOException {
        WebDriver sinclair = browser();
        WebDriver bayko = browser();
        try {
            signIn(sinclair, "sinclair");
            signIn(bayko, "bayko");
            sinclair.findElement(By.id("new-handle")).sendKeys("@bayko");
            sinclair.findElement(By.cssSelector("#new-conversation button")).click();
            waitForText(sinclair, By.id("recipient-preview"), "You will write to Bay Kovac (@bayko).");
            sendMessage(sinclair, "See you at 5");
            waitForText(bayko, By.cssSelector("#groups li:first-child .who"), "@sinclair");
            bayko.findElement(By.cssSelector("#groups li:first-child button")).click();
            waitForText(bayko, By.id("messages"), "See you at 5");
            assertThat(bayko.findElements(By.cssSelector("#messages li .actions button")))
                    .as("nobody edits another's message").isEmpty();

            sinclair.findElement(By.cssSelector("#messages li.mine:last-child .edit")).click();
            WebElement input = sinclair.findElement(By.id("message-input"));
            assertThat(input.getAttribute("value")).isEqualTo("See you at 5");
            input.clear();
            input.sendKeys("See you at 6");
            sinclair.findElement(By.id("send-button")).click();
            waitForText(sinclair, By.cssSelector("#messages li:last-child"), "(edited)");
            assertThat(sinclair.findElement(By.id("send-button")).getText()).isEqualTo("Send");
            waitForText(bayko, By.cssSelector("#messages li:last-child .text"), "See you at 6");
            waitForText(bayko, By.cssSelector("#messages li:last-child"), "(edited)");
            assertThat(bayko.findElement(By.id("messages")).getText()).doesNotContain("See you at 5");

            sinclair.findElement(By.cssSelector("#messages li.mine:last-child .edit")).click();
            waitForText(sinclair, By.id("send-button"), "Save");
            sinclair.findElement(By.cssSelector("#messages li.mine:last-child .delete")).click();
            waitForText(sinclair, By.id("send-button"), "Send");
            assertThat(sinclair.findElement(By.id("message-input")).getAttribute("value"))
                    .as("deleting the message being edited ends the edit").isEmpty();
            waitForText(sinclair, By.cssSelector("#messages li:last-child .text"), "This message was deleted");
            waitForText(bayko, By.cssSelector("#messages li:last-child .text"), "This message was deleted");
            waitForText(bayko, By.cssSelector("#groups li:first-child .last"), "This message was deleted");
            assertThat(sinclair.findElements(By.cssSelector("#messages li:last-child .actions button")))
                    .as("a tombstone offers nothing to edit").isEmpty();

            screenshot(bayko, "browser-edited.png");
            assertNoConsoleErrors(sinclair);
            assertNoConsoleErrors(bayko);
        } finally {
            sinclair.quit();
            bayko.quit();
        }
    }

    @Test
    void unread_badges_clear_on_opening_the_sender_sees_read_and_a_block_stops_them_until_lifted() throws IOException {
        WebDriver bayko = browser();
        WebDriver altair = browser();
        try {
            signIn(bayko, "bayko");
            signIn(altair, "altair");
            altair.findElement(By.id("new-handle")).sendKeys("@bayko");
            altair.findElement(By.cssSelector("#new-conversation button")).click();
            waitForText(altair, By.id("recipient-preview"), "You will write to Bay Kovac (@bayko).");
            sendMessage(altair, "Are you there?");
            sendMessage(altair, "It is about Saturday");

            waitForText(bayko, By.cssSelector("#groups li:first-child .who"), "@altair");
            waitForText(bayko, By.cssSelector("#groups li:first-child .unread"), "2");
            assertThat(altair.findElements(By.cssSelector("#messages .receipt"))).as("not read yet").isEmpty();

            bayko.findElement(By.cssSelector("#groups li:first-child button")).click();
            waitForText(bayko, By.id("messages"), "It is about Saturday");
            new WebDriverWait(bayko, BOUND).until(driver ->
                    driver.findElements(By.cssSelector("#groups li:first-child .unread")).isEmpty());
            waitForText(altair, By.cssSelector("#messages li.mine:last-child .receipt"), "Read");

            sendMessage(altair, "Saturday at ten?");
            waitForText(bayko, By.id("messages"), "Saturday at ten?");
            waitForText(altair, By.cssSelector("#messages li.mine:last-child .receipt"), "Read");
            assertThat(altair.findElements(By.cssSelector("#messages .receipt"))).as("under the latest only").hasSize(1);
            assertThat(bayko.findElements(By.cssSelector("#groups li:first-child .unread")))
                    .as("read at once while open").isEmpty();

            bayko.findElement(By.id("block-toggle")).click();
            waitForText(bayko, By.id("block-toggle"), "Unblock @altair");
            altair.findElement(By.id("message-input")).sendKeys("Hello?");
            altair.findElement(By.id("send-button")).click();
            waitForText(altair, By.id("message-error"), "This person does not accept your messages.");

            bayko.findElement(By.id("block-toggle")).click();
            waitForText(bayko, By.id("block-toggle"), "Block @altair");
            altair.findElement(By.id("send-button")).click();
            waitForText(bayko, By.id("messages"), "Hello?");

            screenshot(altair, "browser-read.png");
            assertNoConsoleErrors(bayko);
            assertNoConsoleErrors(altair);
        } finally {
            bayko.quit();
            altair.quit();
        }
    }

    @Test
    void after_the_network_drops_the_open_conversation_catches_up_on_what_it_missed() throws IOException {
        ApiClient api = new ApiClient(host.port());
        String altair = api.login("altair");
        String group = api.post("/api/messages", altair, "{\"handle\":\"andrewbrown\",\"message\":\"Before the drop\"}")
                .body().get("message_group_uuid").asText();
        String toEdit = api.post("/api/messages", altair,
                "{\"message_group_uuid\":\"" + group + "\",\"message\":\"Soon to be edited\"}").body().get("uuid").asText();
        try (CuttableRelay network = new CuttableRelay(host.port())) {
            WebDriver drew = browser(network.port());
            try {
                signIn(drew, "andrewbrown");
                waitForText(drew, By.cssSelector("#groups li:first-child .who"), "@altair");
                drew.findElement(By.cssSelector("#groups li:first-child button")).click();
                waitForText(drew, By.id("messages"), "Soon to be edited");

                network.cut();
                assertThat(api.patch("/api/messages/" + group + "/" + toEdit, altair,
                        "{\"message\":\"Edited while you were away\"}").status()).isEqualTo(200);
                assertThat(api.post("/api/messages", altair, "{\"message_group_uuid\":\"" + group
                        + "\",\"message\":\"Sent while you were away\"}").status()).isEqualTo(200);
                network.mend();

                waitForText(drew, By.cssSelector("#messages li:last-child .text"), "Sent while you were away");
                waitForText(drew, By.id("messages"), "Edited while you were away");
                assertThat(drew.findElement(By.id("messages")).getText()).doesNotContain("Soon to be edited");
                assertThat(drew.findElements(By.cssSelector("#messages li"))).hasSize(3);
                assertNoConsoleErrors(drew, "net::ERR_");
            } finally {
                drew.quit();
            }
        }
    }

    private static WebDriver browser() throws IOException {
        return browser(host.port());
    }

    private static WebDriver browser(int port) throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1200,900",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.get("http://localhost:" + port + "/");
        return driver;
    }

    private static void signIn(WebDriver driver, String handle) {
        waitFor(driver, By.cssSelector("#user-picker option"));
        assertThat(driver.findElement(By.id("app")).isDisplayed()).as("signed out, only the sign-in shows").isFalse();
        assertThat(driver.findElement(By.id("message-form")).isDisplayed()).isFalse();
        new Select(driver.findElement(By.id("user-picker"))).selectByValue(handle);
        driver.findElement(By.cssSelector("#signin-form button")).click();
        waitForText(driver, By.id("whoami-name"), "@" + handle);
    }

    private static void sendMessage(WebDriver driver, String text) {
        WebElement input = driver.findElement(By.id("message-input"));
        input.sendKeys(text);
        assertThat(driver.findElement(By.id("char-count")).getText()).isEqualTo(text.length() + " / 1024");
        driver.findElement(By.id("send-button")).click();
        // shown as the page shows text: runs of combining marks clipped at three
        waitForText(driver, By.id("messages"), text.replaceAll("(\\p{M}{3})\\p{M}+", "$1"));
    }

    private static void waitFor(WebDriver driver, By locator) {
        new WebDriverWait(driver, BOUND).until(ExpectedConditions.presenceOfElementLocated(locator));
    }

    private static void waitForText(WebDriver driver, By locator, String text) {
        new WebDriverWait(driver, BOUND).until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
    }

    private static void waitForCount(WebDriver driver, int messages) {
        new WebDriverWait(driver, BOUND).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#messages li"),
                messages));
    }

    private static void screenshot(WebDriver driver, String name) throws IOException {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * The only errors the page may cause are the 404s of naming a handle nobody has, and the 403 of
     * writing to someone who blocks you.
     */
    private static void assertNoConsoleErrors(WebDriver driver) {
        assertNoConsoleErrors(driver, "no error is tolerated beyond those above");
    }

    /** As above, and errors that say {@code tolerated}, such as a request the cut network failed. */
    private static void assertNoConsoleErrors(WebDriver driver, String tolerated) {
        List<LogEntry> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> !entry.getMessage().contains(tolerated))
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .filter(entry -> !entry.getMessage().contains("/api/users/@nobody/short"))
                .filter(entry -> !(entry.getMessage().contains("/members") && entry.getMessage().contains("404")))
                .filter(entry -> !(entry.getMessage().contains("/api/messages") && entry.getMessage().contains("403")))
                .toList();
        assertThat(errors).isEmpty();
    }
}
