package jp.nop.cx.registration;

import java.util.List;

/** One page of a list: the items, how many there are in all, and which page this is. */
public record Listing<T>(List<T> items, long total, int page, int size) {
}
