${childNames}的${examName}定于${examPeriod}进行，请查看具体安排。<#if replyRequired>请${replyInstruction}。</#if>
