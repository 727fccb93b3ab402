package cn.zonegis.land;

/**
 * What the planner allows the server to change in a boundary before storing it.
 *
 * @param repair apply ST_MakeValid to an invalid boundary instead of refusing it
 * @param clip cut the boundary back to its active neighbours instead of refusing an
 * overlap
 */
public record EditOptions(boolean repair, boolean clip) {

	public static final EditOptions STRICT = new EditOptions(false, false);

}
