package cn.jiaxiao.provisioning.roster;

import cn.jiaxiao.provisioning.contact.MobileNumber;
import cn.jiaxiao.provisioning.unit.Unit;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The lines of a file that passed validation, resolved to units and normalised numbers, with what the
 * plan needs to know about the rest of the file.
 *
 * @param listedStudentNos  every student number the file mentions, on valid lines or not: none of those
 *                          students is planned for removal
 * @param coveredClassIds   the classes the file speaks for; only their students may be removed
 * @param studentNosWithErrors students with at least one bad line, whose guardian links are left alone
 * @param emailByMobile     the e-mail given for each guardian (E.164 → address or {@code null})
 */
record ValidatedRoster(List<ValidLine> lines, List<LineError> errors, List<LineError> warnings,
        Set<String> listedStudentNos, Set<Long> coveredClassIds, Set<String> studentNosWithErrors,
        Map<String, String> emailByMobile, boolean guardianColumns, boolean emailColumn) {

    /** A valid line; {@code mobile} and {@code relation} are {@code null} on a line without a guardian. */
    record ValidLine(RosterLine line, Unit schoolClass, MobileNumber mobile, String relation) {
    }
}
