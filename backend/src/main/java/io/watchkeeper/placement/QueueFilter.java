package io.watchkeeper.placement;

/**
 * Which poles the queue offers and in what order.
 *
 * @param precinctId only poles with a camera the list put under this precinct (null: all)
 * @param withAddress only poles with an address (on the site or one of its cameras)
 * @param byPrecinct order by the named precinct's code first, then oldest import first; otherwise oldest import first
 */
record QueueFilter(Long precinctId, boolean withAddress, boolean byPrecinct) {

	static final QueueFilter ALL = new QueueFilter(null, false, false);
}
