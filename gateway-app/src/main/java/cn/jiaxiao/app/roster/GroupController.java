package cn.jiaxiao.app.roster;

import cn.jiaxiao.app.security.CurrentAccount;
import cn.jiaxiao.provisioning.group.RecipientGroup;
import cn.jiaxiao.provisioning.group.RecipientGroups;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 自建用户组: each sender's own groups; nobody sees or uses another's. */
@RestController
@RequestMapping("/api/groups")
class GroupController {

    private final CurrentAccount current;
    private final RecipientGroups groups;

    GroupController(CurrentAccount current, RecipientGroups groups) {
        this.current = current;
        this.groups = groups;
    }

    record GroupRequest(String name, List<Long> guardianIds, List<Long> staffIds) {
    }

    @GetMapping
    List<RecipientGroup> mine() {
        return groups.ownedBy(current.get());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    RecipientGroup create(@RequestBody GroupRequest request) {
        return groups.create(current.get(), request.name(), request.guardianIds(), request.staffIds());
    }

    @GetMapping("/{id}")
    RecipientGroup get(@PathVariable long id) {
        return groups.owned(current.get(), id, "id");
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        groups.delete(current.get(), id);
    }
}
