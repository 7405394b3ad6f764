package jp.nop.cx.notification.delivery;

import jp.nop.cx.notification.notice.NoticeEvent;
import jp.nop.cx.notification.template.RenderedNotice;

/** A due delivery with its notice written out and the event it comes from. */
public record PreparedDelivery(Delivery delivery, RenderedNotice notice, NoticeEvent event) {

	public String id() {
		return this.delivery.id();
	}
}
