package jp.nop.cx.archfixture.orders;

import org.springframework.data.repository.Repository;

/** Fixture: the orders feature's storage. */
public interface OrderRepository extends Repository<Object, String> {
}
