package cn.jiaxiao.provisioning.account;

import java.util.List;

/** What an account manager asks for when creating an account: roles by role name and unit code. */
public record NewAccount(String username, String displayName, String unit, List<RoleRequest> roles, String mobile,
        String password) {

    public NewAccount {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    public record RoleRequest(String role, String unit) {
    }
}
