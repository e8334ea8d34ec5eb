${childrenWithClasses}${absenceDate}${absencePeriod}未到校，也未请假。请您尽快与班主任联系，确认孩子的去向与安全。<#if replyRequired>请${replyInstruction}。</#if>
