package io.watchkeeper.gazetteer;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.watchkeeper.security.AuditLog;

/** Door-plate datasets over the API: list (ADMIN, DISPATCHER), import and remove (ADMIN). */
@RestController
@RequestMapping("/api/gazetteer")
@Tag(name = "Gazetteer", description = "Door-plate datasets (門牌坐標資料) that address matching places cameras by")
class GazetteerApiController {

	private final Gazetteers gazetteers;

	private final GazetteerUploads uploads;

	GazetteerApiController(Gazetteers gazetteers, GazetteerUploads uploads) {
		this.gazetteers = gazetteers;
		this.uploads = uploads;
	}

	@GetMapping("/datasets")
	@Operation(summary = "The door-plate datasets with their counts (ADMIN, DISPATCHER)")
	List<Gazetteers.DatasetSummary> datasets() {
		return gazetteers.list();
	}

	@PostMapping(path = "/datasets", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import a door-plate file as a dataset (ADMIN)", description = """
			Part `file`: CSV in UTF-8 or Big5, optionally gzip or zip compressed, with columns 鄉鎮市區, 街路段 (or 地區), 巷,
			弄, 號 or one full-address column (門牌 / 地址), and TWD97 TM2 (橫坐標, 縱坐標; EPSG:3826) or WGS84 (經度, 緯度)
			coordinates. `name` (default: the file name) replaces a dataset of that name; `city` fills lines without one.
			All or nothing: any bad line (missing, broken or out-of-Taiwan coordinates, no door plate) refuses the file
			with 400 listing each line and field (the first 1,000). Duplicate addresses keep the first line and are
			returned as warnings.""")
	Gazetteers.Imported importFile(@RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(name = "name", required = false) String name,
			@RequestParam(name = "city", required = false) String city) throws IOException {
		return uploads.importFile(file, name, city, Locale.ENGLISH, AuditLog.currentActor(), AuditLog.currentRemoteAddress());
	}

	@DeleteMapping("/datasets/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove a door-plate dataset (ADMIN); matches keep their points")
	void remove(@PathVariable long id) {
		gazetteers.remove(id, AuditLog.currentActor(), AuditLog.currentRemoteAddress());
	}

	static String message(MessageSource messages, Gazetteers.LineProblem p, Locale locale) {
		return messages.getMessage(p.code(), p.args().toArray(), p.code(), locale);
	}
}
