${salutation}：

您好！${childrenWithClasses}${absenceDate}${absencePeriod}未到校，也未请假。请您尽快与班主任联系，确认孩子的去向与安全。
<#if body?has_content>

${body}
</#if>
<#if replyRequired>

请${replyInstruction}。
</#if>
<#if links?has_content>

<#list links as link>
${link.label}：${link.url}
</#list>
</#if>

${schoolName}<#if senderName?has_content> ${senderName}</#if>
<#if sendTime?has_content>
${sendTime}
</#if>
