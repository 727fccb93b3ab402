package cn.zonegis.security;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** /api/tokens: API tokens for QGIS, GDAL and scripts. */
@RestController
class ApiTokenController {

	private final ApiTokens tokens;

	ApiTokenController(ApiTokens tokens) {
		this.tokens = tokens;
	}

	@GetMapping("/api/tokens")
	List<ApiToken> list() {
		return this.tokens.list();
	}

	@PostMapping("/api/tokens")
	ResponseEntity<ApiTokens.CreatedApiToken> create(@RequestBody CreateTokenRequest request) {
		ApiTokens.CreatedApiToken created = this.tokens.create(request.name());
		return ResponseEntity.created(URI.create("/api/tokens/" + created.id())).body(created);
	}

	@DeleteMapping("/api/tokens/{id}")
	ResponseEntity<Void> revoke(@PathVariable long id) {
		this.tokens.revoke(id);
		return ResponseEntity.noContent().build();
	}

	/**
	 * @param name what the token is for, so its owner recognises it in the list
	 */
	record CreateTokenRequest(String name) {
	}

}
