package jp.nop.cx.localstack.demo;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DemoHelpersTest {

	@Test
	void nextVersionIsAboveEveryKnownOne() {
		assertThat(Answers.nextVersion("1", List.of("1"))).isEqualTo("2");
		assertThat(Answers.nextVersion("2", List.of("1", "2", "3"))).isEqualTo("4");
		assertThat(Answers.nextVersion("2026.1", List.of("2026.1", "2026.2"))).isEqualTo("2026.3");
		assertThat(Answers.nextVersion("v1", List.of("v1"))).isEqualTo("v2");
		assertThat(Answers.nextVersion("first", List.of("first"))).isEqualTo("first.1");
	}

	@Test
	void itemsAcceptArraysItemsAndPages() {
		assertThat(Answers.items(Http.JSON.readTree("[{\"id\":1}]"))).hasSize(1);
		assertThat(Answers.items(Http.JSON.readTree("{\"items\":[{\"id\":1},{\"id\":2}]}"))).hasSize(2);
		assertThat(Answers.items(Http.JSON.readTree("{\"content\":[{\"id\":1}]}"))).hasSize(1);
		assertThat(Answers.items(Http.JSON.readTree("{}"))).isEmpty();
	}

}
