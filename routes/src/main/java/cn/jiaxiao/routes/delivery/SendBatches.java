package cn.jiaxiao.routes.delivery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Cuts a notice's queued messages into batches of one channel and recipient group each, in id order. */
public final class SendBatches {

    private SendBatches() {
    }

    public static List<SendBatch> of(List<QueuedMessage> queued, int maxSize) {
        if (maxSize < 1) {
            throw new IllegalArgumentException("Batch size must be positive: " + maxSize);
        }
        Map<List<String>, List<Long>> byGroup = new LinkedHashMap<>();
        for (QueuedMessage message : queued) {
            byGroup.computeIfAbsent(List.of(message.channel(), message.group()), g -> new ArrayList<>()).add(message.id());
        }
        List<SendBatch> batches = new ArrayList<>();
        byGroup.forEach((channelAndGroup, ids) -> {
            ids.sort(null);
            for (int from = 0; from < ids.size(); from += maxSize) {
                batches.add(new SendBatch(channelAndGroup.get(0), channelAndGroup.get(1),
                        ids.subList(from, Math.min(ids.size(), from + maxSize))));
            }
        });
        return batches;
    }

    public static List<Long> ids(List<SendBatch> batches) {
        List<Long> ids = new ArrayList<>();
        batches.forEach(batch -> ids.addAll(batch.ids()));
        return ids;
    }
}
