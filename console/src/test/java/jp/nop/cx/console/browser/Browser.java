package jp.nop.cx.console.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
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
 * One person's browser: headless Debian Chromium driven by Debian's chromedriver (no download
 * of a browser, which this network refuses). Every step can be photographed into
 * {@code target/browser-screenshots/}; what the page logged to its console is collected.
 */
final class Browser implements AutoCloseable {

	static final Path CHROMIUM = Path.of(System.getProperty("cx.chromium", "/usr/bin/chromium"));

	static final Path CHROMEDRIVER = Path.of(System.getProperty("cx.chromedriver", "/usr/bin/chromedriver"));

	static final Path SCREENSHOTS = RunningStack.root().resolve("console/target/browser-screenshots");

	private static int shot;

	private final ChromeDriver driver;

	private final String who;

	private final List<String> consoleErrors = new ArrayList<>();

	Browser(String who, String language, int width, int height) {
		this.who = who;
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		// As the machine's probe starts it: no sandbox as root, nothing reaching out to Google.
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--window-size=" + width + "," + height, "--lang=" + language);
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
		this.driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
	}

	static String unavailableReason() {
		if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
			return "no Chromium and chromedriver at " + CHROMIUM + " and " + CHROMEDRIVER
					+ " (apt-get install chromium chromium-driver; .ci/run does)";
		}
		return null;
	}

	Browser open(String path) {
		this.driver.get(path.startsWith("http") ? path : RunningStack.GATEWAY + path);
		collectConsole();
		return this;
	}

	WebElement find(String css) {
		return this.driver.findElement(By.cssSelector(css));
	}

	List<WebElement> all(String css) {
		return this.driver.findElements(By.cssSelector(css));
	}

	boolean has(String css) {
		return !all(css).isEmpty();
	}

	String text(String css) {
		return find(css).getText();
	}

	String page() {
		return this.driver.findElement(By.tagName("body")).getText();
	}

	String path() {
		return java.net.URI.create(this.driver.getCurrentUrl()).getPath();
	}

	String url() {
		return this.driver.getCurrentUrl();
	}

	Browser type(String id, String value) {
		WebElement field = this.driver.findElement(By.id(id));
		field.clear();
		field.sendKeys(value);
		return this;
	}

	Browser select(String id, String value) {
		new Select(this.driver.findElement(By.id(id))).selectByValue(value);
		return this;
	}

	Browser check(String id) {
		WebElement box = this.driver.findElement(By.id(id));
		if (!box.isSelected()) {
			box.click();
		}
		return this;
	}

	/**
	 * Clicks and waits for the next page to load: the clicked element gone (the old document
	 * unloaded) and the new document complete. Staleness alone let the next step find a field of
	 * a page still loading after a redirect (Chromium: "Node with given id does not belong to the
	 * document", seen once in CI after the sign-in that leads to the second-factor form).
	 */
	Browser click(String css) {
		WebElement element = find(css);
		element.click();
		awaitNextPage(element);
		return this;
	}

	private void awaitNextPage(WebElement clicked) {
		WebDriverWait wait = new WebDriverWait(this.driver, Duration.ofSeconds(30));
		wait.until(ExpectedConditions.stalenessOf(clicked));
		wait.until((d) -> "complete".equals(this.driver.executeScript("return document.readyState")));
		collectConsole();
	}

	/** Clicks the link with exactly this text. */
	Browser clickLink(String text) {
		WebElement link = this.driver.findElement(By.linkText(text));
		link.click();
		awaitNextPage(link);
		return this;
	}

	/** {@code target/browser-screenshots/NN-who-name.png}. */
	Browser screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path file = SCREENSHOTS.resolve(String.format("%02d-%s-%s.png", next(), this.who, name));
			Files.copy(this.driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return this;
	}

	private static synchronized int next() {
		if (shot == 0) {
			clearEarlierRuns();
		}
		return ++shot;
	}

	/** Only this run's pictures, so their numbers tell the order of the steps. */
	private static void clearEarlierRuns() {
		try (java.util.stream.Stream<Path> earlier = Files.list(SCREENSHOTS)) {
			for (Path picture : earlier.toList()) {
				Files.delete(picture);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Errors the pages wrote to the browser console (CSP violations among them). */
	List<String> consoleErrors() {
		collectConsole();
		return List.copyOf(this.consoleErrors);
	}

	private void collectConsole() {
		for (LogEntry entry : this.driver.manage().logs().get(LogType.BROWSER)) {
			if (entry.getLevel().intValue() >= Level.SEVERE.intValue() && !entry.getMessage().contains("favicon.ico")) {
				this.consoleErrors.add(entry.getMessage());
			}
		}
	}

	ChromeDriver driver() {
		return this.driver;
	}

	@Override
	public void close() {
		this.driver.quit();
	}

}
