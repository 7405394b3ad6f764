package jp.nop.cx.enforcement.servicestatus;

import java.time.Instant;
import java.util.List;

import jp.nop.cx.enforcement.capability.ScopeRequest;

/** A service-status event as the operator sees it: with who declared and ended it. */
record ServiceStatusView(String id, Kind kind, String article, Reason reason, String reasonArticle,
		ScopeRequest.View scope, Instant startsAt, Instant endsAt, boolean urgent, String message, State state,
		String declaredBy, Instant declaredAt, String endedBy, Instant endedAt) {

	static ServiceStatusView of(ServiceStatusEvent event, Instant now) {
		return new ServiceStatusView(event.id(), event.kind(), event.kind().article(), event.reason(),
				event.reason().article(), ScopeRequest.View.of(event.scope()), event.startsAt(),
				event.endsAt(), event.urgent(), event.message(), event.stateAt(now), event.declaredBy(),
				event.declaredAt(), event.endedBy(), event.endedAt());
	}

	/** The same for the public: no staff login IDs. */
	record Public(String id, Kind kind, String article, Reason reason, String reasonArticle, ScopeRequest.View scope,
			Instant startsAt, Instant endsAt, boolean urgent, String message, State state) {

		static Public of(ServiceStatusEvent event, Instant now) {
			return new Public(event.id(), event.kind(), event.kind().article(), event.reason(),
					event.reason().article(), ScopeRequest.View.of(event.scope()), event.startsAt(),
					event.endsAt(), event.urgent(), event.message(), event.stateAt(now));
		}
	}

	/** {@code GET /api/v1/service-status}. */
	record Board(Instant asOf, List<Public> current, List<Public> scheduled) {

		static Board of(ServiceStatusService.Board board) {
			return new Board(board.asOf(), board.current().stream().map((e) -> Public.of(e, board.asOf())).toList(),
					board.scheduled().stream().map((e) -> Public.of(e, board.asOf())).toList());
		}
	}

	/** A page of events for operators, newest start first. */
	record Page(List<ServiceStatusView> items, int page, int size, long total) {
	}
}
