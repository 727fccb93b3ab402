package cn.zonegis.land;

import cn.zonegis.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * For tests that call land services in-process rather than over HTTP: each test runs as a
 * planner, and leaves the demo zone as it was.
 */
abstract class PlannerServiceTest extends IntegrationTest {

	@BeforeEach
	void actAsAPlanner() {
		SecurityContextHolder.getContext()
			.setAuthentication(new UsernamePasswordAuthenticationToken("planner", null,
					AuthorityUtils.createAuthorityList("ROLE_PLANNER")));
	}

	@AfterEach
	void leaveTheDemoZoneAsItWas() {
		SecurityContextHolder.clearContext();
		TestGround.clean(this.jdbc);
	}

}
