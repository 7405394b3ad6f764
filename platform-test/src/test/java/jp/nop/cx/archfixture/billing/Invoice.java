package jp.nop.cx.archfixture.billing;

import jp.nop.cx.archfixture.orders.OrderController;
import jp.nop.cx.archfixture.orders.OrderRepository;

/**
 * Fixture: billing uses the orders feature's repository (allowed) and its controller (not), and
 * orders uses billing: a cycle.
 */
public record Invoice(OrderRepository orders, OrderController controller) {
}
