package jp.nop.cx.notification.delivery;

import java.util.List;
import java.util.Map;

import jp.nop.cx.notification.policy.Channel;

/**
 * Sends one round of prepared deliveries through one channel. An implementation never throws
 * for a single delivery: it answers an outcome for each (by delivery ID), so one bad recipient
 * or dead endpoint cannot hold up the others.
 */
public interface ChannelSender {

	Channel channel();

	Map<String, SendOutcome> send(List<PreparedDelivery> round);
}
