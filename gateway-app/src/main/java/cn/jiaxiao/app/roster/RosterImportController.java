package cn.jiaxiao.app.roster;

import cn.jiaxiao.app.security.CurrentAccount;
import cn.jiaxiao.provisioning.problem.ProblemException;
import cn.jiaxiao.provisioning.roster.RosterFile;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Roster import from CSV or XLSX: {@code dryRun=true} shows what would be added, changed and removed and
 * every invalid line; without it the import runs in the background, all or nothing.
 */
@RestController
@RequestMapping("/api/roster/imports")
class RosterImportController {

    private final CurrentAccount current;
    private final RosterImports imports;

    RosterImportController(CurrentAccount current, RosterImports imports) {
        this.current = current;
        this.imports = imports;
    }

    @PostMapping(consumes = "multipart/form-data")
    ResponseEntity<?> importRoster(@RequestParam(value = "file", required = false) MultipartFile file,
            @RequestParam(defaultValue = "false") boolean dryRun) {
        var manager = current.get();
        RosterFile roster = parse(file);
        if (dryRun) {
            return ResponseEntity.ok(imports.dryRun(manager, roster));
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(imports.start(manager, roster));
    }

    @GetMapping("/{id}")
    ImportJob progress(@PathVariable String id) {
        return imports.job(id);
    }

    private static RosterFile parse(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw ProblemException.invalid("file", "请上传名单文件（CSV 或 XLSX）");
        }
        try (InputStream content = file.getInputStream()) {
            return RosterFile.parse(file.getOriginalFilename() == null ? "roster.csv" : file.getOriginalFilename(),
                    content);
        } catch (IOException | RuntimeException e) {
            throw ProblemException.invalid("file", "无法读取名单文件：请上传 UTF-8/GB18030 编码的 CSV 或 XLSX 文件");
        }
    }
}
