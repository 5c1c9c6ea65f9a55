package vn.ledger.query.projection;

import java.net.URI;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.ledger.query.web.QueryRejection;

/** The projections' status, and rebuilds on demand (only the office may start one: see the security rules). */
@RestController
@RequestMapping("/api/v1/admin/projections")
class ProjectionsController {

    private final ProjectionOverview overview;
    private final Rebuilds rebuilds;

    ProjectionsController(ProjectionOverview overview, Rebuilds rebuilds) {
        this.overview = overview;
        this.rebuilds = rebuilds;
    }

    @GetMapping
    List<ProjectionOverview.ProjectionView> list() {
        return overview.all();
    }

    @PostMapping("/{name}/rebuild")
    ResponseEntity<Rebuilds.RebuildStatus> rebuild(@PathVariable String name) {
        if (overview.all().stream().noneMatch(view -> view.name().equals(name))) {
            throw new QueryRejection(404, "projection-not-found", "No projection is named " + name + ".");
        }
        Rebuilds.RebuildStatus started;
        try {
            started = rebuilds.start(name);
        } catch (NoSuchElementException e) {
            throw new QueryRejection(409, "rebuild-not-supported",
                    "The projection " + name + " cannot be rebuilt beside itself yet.");
        } catch (Rebuilds.AlreadyRebuilding e) {
            throw new QueryRejection(409, "already-rebuilding", e.getMessage());
        }
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/admin/projections/" + name + "/rebuilds/" + started.rebuildId()))
                .body(started);
    }

    @GetMapping("/{name}/rebuilds/{rebuildId}")
    Rebuilds.RebuildStatus rebuildStatus(@PathVariable String name, @PathVariable UUID rebuildId) {
        return rebuilds.status(rebuildId)
                .filter(status -> status.projection().equals(name))
                .orElseThrow(() -> new QueryRejection(404, "rebuild-not-found", "No rebuild " + rebuildId + " of "
                        + name + "."));
    }
}
