package cn.zonegis.security;

/**
 * What a user may do. Every role may read; writes need the role named on the endpoint.
 */
public enum Role {

	VIEWER, PLANNER, DISPATCHER, CREW,
	/**
	 * The safety and environment office: self-built house survey, enterprise inspections.
	 */
	SAFETY, ADMIN;

	/** The role hierarchy: an admin may do everything, every other role may read. */
	static final String HIERARCHY = """
			ROLE_ADMIN > ROLE_PLANNER
			ROLE_ADMIN > ROLE_DISPATCHER
			ROLE_ADMIN > ROLE_CREW
			ROLE_ADMIN > ROLE_SAFETY
			ROLE_PLANNER > ROLE_VIEWER
			ROLE_DISPATCHER > ROLE_VIEWER
			ROLE_CREW > ROLE_VIEWER
			ROLE_SAFETY > ROLE_VIEWER
			""";

}
