package jp.nop.cx.gateway.problem;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * SPEC section 5: every error is a problem, also the ones Reactor Netty's HTTP decoder gives before
 * Spring sees the request (414 request line too long, 431 headers too large, 400 unparseable). It
 * answers those with an empty body; this handler, right after the codec in each connection's
 * pipeline, gives that answer a problem body. The language is that of an {@code Accept-Language}
 * the decoder read before it gave up (headers it did read are kept), else Japanese; a request
 * line that is too long is refused before any header is read.
 */
final class DecoderFailureProblems extends ChannelDuplexHandler {

	static final String NAME = "cx.decoderFailureProblems";

	private final ProblemResponses problems;

	/** Set when the decoder refused a request on this connection; the next answer is its refusal. */
	private boolean refused;

	private String acceptLanguage;

	DecoderFailureProblems(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
		if (msg instanceof HttpRequest request && request.decoderResult().isFailure()) {
			this.refused = true;
			this.acceptLanguage = request.headers().get(HttpHeaderNames.ACCEPT_LANGUAGE);
		}
		super.channelRead(ctx, msg);
	}

	@Override
	public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
		if (this.refused && msg instanceof FullHttpResponse response && response.content().readableBytes() == 0) {
			String code = code(response.status().code());
			if (code != null) {
				this.refused = false;
				HttpStatus status = HttpStatus.valueOf(response.status().code());
				byte[] body = this.problems.body(Problem.of(status, code), this.acceptLanguage, null);
				FullHttpResponse problem = new DefaultFullHttpResponse(response.protocolVersion(), response.status(),
						Unpooled.wrappedBuffer(body));
				problem.headers().set(response.headers());
				problem.headers().set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE);
				problem.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
				response.release();
				super.write(ctx, problem, promise);
				return;
			}
		}
		super.write(ctx, msg, promise);
	}

	private static String code(int status) {
		return switch (status) {
			case 414 -> "uri-too-long";
			case 431 -> "headers-too-large";
			case 400 -> "bad-request";
			default -> null;
		};
	}
}
