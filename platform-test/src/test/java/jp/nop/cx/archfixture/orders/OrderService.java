package jp.nop.cx.archfixture.orders;

import jp.nop.cx.archfixture.billing.Invoice;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** Fixture: a service that names HTTP (a violation) and refuses with an HttpStatus (exempt). */
@Service
public class OrderService {

	public String place(Invoice invoice) {
		if (invoice == null) {
			throw new IllegalArgumentException(HttpStatus.CONFLICT.name());
		}
		return new HttpHeaders().getFirst("X-Order");
	}

}
