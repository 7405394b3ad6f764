package jp.nop.cx.archfixture.orders;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.RestController;

/** Fixture: an adapter may name HTTP. */
@RestController
public class OrderController {

	public String header() {
		return new HttpHeaders().getFirst("X-Order");
	}

}
