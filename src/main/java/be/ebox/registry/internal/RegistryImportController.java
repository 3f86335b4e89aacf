package be.ebox.registry.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;

import be.ebox.registry.ImportStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

/** The operator's page for registry imports: upload an extract, load the sample, follow progress and errors. */
@Controller
@RequestMapping("/operator/registry/imports")
class RegistryImportController {

	private static final Set<String> ERRORS = Set.of("empty", "notZip", "storage");

	private static final byte[] ZIP_MAGIC = { 'P', 'K', 3, 4 };

	private final KboRegistryImports imports;

	private final Path uploadFolder;

	RegistryImportController(KboRegistryImports imports, @Value("${ebox.data-dir}") Path dataDir) {
		this.imports = imports;
		this.uploadFolder = dataDir.resolve("imports");
	}

	@GetMapping
	String page(@RequestParam(required = false) Long started, @RequestParam(required = false) String error,
			Model model) {
		model.addAttribute("imports", imports.recent(10));
		model.addAttribute("started", started);
		model.addAttribute("error", error != null && ERRORS.contains(error) ? error : null);
		model.addAttribute("zone", ZoneId.of("Europe/Brussels"));
		return "registry/imports";
	}

	/** The upload goes to a file under the data folder (never into memory) and is deleted after its import. */
	@PostMapping
	String upload(@RequestParam(name = "extract", required = false) MultipartFile extract,
			Authentication authentication) {
		if (extract == null || extract.isEmpty()) {
			return "redirect:/operator/registry/imports?error=empty";
		}
		try {
			if (!looksLikeZip(extract)) {
				return "redirect:/operator/registry/imports?error=notZip";
			}
			Files.createDirectories(uploadFolder);
			Path target = uploadFolder.resolve(UUID.randomUUID() + ".zip");
			extract.transferTo(target);
			long id = imports.start(target, "upload " + displayName(extract.getOriginalFilename()),
					authentication.getName(), true);
			return "redirect:/operator/registry/imports?started=" + id;
		}
		catch (IOException ex) {
			return "redirect:/operator/registry/imports?error=storage";
		}
	}

	@PostMapping("/sample")
	String sample(Authentication authentication) {
		ImportStatus status = imports.importSample(authentication.getName());
		return "redirect:/operator/registry/imports?started=" + status.id();
	}

	/** Polled by {@code registry.js} for the progress bar. */
	@GetMapping(path = "/{id}/status", produces = "application/json")
	@ResponseBody
	ResponseEntity<Progress> status(@PathVariable long id) {
		return imports.progress(id)
			.map(status -> ResponseEntity.ok(new Progress(status.id(), status.state().name(), status.percent(),
					status.bytesRead(), status.totalBytes(), status.rowsRead(), status.rowsImported(),
					status.errorCount())))
			.orElse(ResponseEntity.notFound().build());
	}

	record Progress(long id, String state, int percent, long bytesRead, long totalBytes, long rowsRead,
			long rowsImported, long errorCount) {
	}

	private static boolean looksLikeZip(MultipartFile file) throws IOException {
		try (InputStream in = file.getInputStream()) {
			return Arrays.equals(in.readNBytes(4), ZIP_MAGIC);
		}
	}

	/** The browser's file name without any path, for display only. */
	private static String displayName(String original) {
		if (original == null || original.isBlank()) {
			return "extract.zip";
		}
		String name = original.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}]", "");
		return name.length() > 120 ? name.substring(0, 120) : name;
	}
}
