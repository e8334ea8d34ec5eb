待审批：${title}
