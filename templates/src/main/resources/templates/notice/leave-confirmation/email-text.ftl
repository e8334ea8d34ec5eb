${salutation}：

您好！<#if leaveStatus == "RECEIVED">您为${childNames}提交的请假申请（${leavePeriod}）学校已收到，班主任审核后会再通知您。<#elseif leaveStatus == "APPROVED">您为${childNames}提交的请假申请（${leavePeriod}）班主任已批准<#if decisionNote?has_content>（${decisionNote}）</#if>。请孩子按时返校，返校后向班主任销假。<#else>您为${childNames}提交的请假申请（${leavePeriod}）未获批准<#if decisionNote?has_content>，原因：${decisionNote}</#if>。如有疑问，请与班主任联系。</#if>
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
