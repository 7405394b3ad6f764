package jp.nop.cx.identity.incident;

/** Art. 4.3: what happened to the IDs. */
public enum IncidentType {

	LOST, STOLEN, UNAUTHORIZED_USE, SUSPECTED

}
