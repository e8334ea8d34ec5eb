package cn.jiaxiao.routes.fanout;

import cn.jiaxiao.provisioning.contact.EmailAddress;
import cn.jiaxiao.provisioning.contact.MobileNumber;
import cn.jiaxiao.provisioning.people.GuardianContact;
import cn.jiaxiao.provisioning.people.StudentRef;
import cn.jiaxiao.routes.delivery.ChannelMessageRepository;
import cn.jiaxiao.routes.delivery.NewMessage;
import cn.jiaxiao.routes.notice.Channel;
import cn.jiaxiao.routes.notice.Notice;
import cn.jiaxiao.routes.support.Json;
import cn.jiaxiao.templates.model.Child;
import cn.jiaxiao.templates.model.NoticeModel;
import cn.jiaxiao.templates.model.RecipientModel;
import cn.jiaxiao.templates.preview.NoticePreview;
import cn.jiaxiao.templates.preview.NoticePreviewer;
import cn.jiaxiao.templates.render.MessageRenderer;
import cn.jiaxiao.templates.render.NoticeRenderer;
import cn.jiaxiao.templates.render.RenderedMessage;
import cn.jiaxiao.templates.sms.SmsSegments;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Renders a notice for each recipient on each channel chosen for him: one message per guardian naming all his
 * children in the audience, one SMS per phone number, one push per live subscription.
 */
public class MessageComposer {

    /** Staff reached by a notice are addressed by role, the roster doesn't give a salutation. */
    private static final RecipientModel STAFF = new RecipientModel("老师", List.of());

    private final Supplier<MessageRenderer> renderers;
    private final ChannelChoice choice;
    private final GuardianReach reach;
    private final String signature;
    private final OptOuts optOuts;

    /** Guardians who opted out by SMS (STOP, TD, 退订): they get no notice of a kind that is not mandatory. */
    @FunctionalInterface
    public interface OptOuts {
        OptOuts NONE = ids -> Set.of();

        /** @return those of {@code guardianIds} who opted out */
        Set<Long> optedOut(java.util.Collection<Long> guardianIds);
    }

    /** @param renderers the school's current template overrides over the built-ins, read once per notice */
    public MessageComposer(Supplier<MessageRenderer> renderers, ChannelChoice choice, GuardianReach reach,
            String signature) {
        this(renderers, choice, reach, signature, OptOuts.NONE);
    }

    public MessageComposer(Supplier<MessageRenderer> renderers, ChannelChoice choice, GuardianReach reach,
            String signature, OptOuts optOuts) {
        this.renderers = renderers;
        this.choice = choice;
        this.reach = reach;
        this.signature = signature;
        this.optOuts = optOuts;
    }

    /** One SMS text for one recipient, with the school's overrides: replies, reminders and alerts use it. */
    public String renderSms(NoticeModel model, RecipientModel recipient) {
        return renderers.get().renderSms(model, recipient).text();
    }

    public String signature() {
        return signature;
    }

    /**
     * The notice's messages, in the order of the guardians, then the staff. Which messages there are is settled
     * first, one guardian after another (each number once, preferences, opt-outs); their texts are then rendered
     * on every core, and the list hands each out as soon as it is rendered (see {@link ParallelRendering}).
     */
    public List<NewMessage> compose(Notice notice, List<GuardianContact> guardians, Map<Long, MobileNumber> staff) {
        NoticeRenderer renderer = renderers.get().forNotice(NoticeModels.of(notice, signature));
        List<Long> guardianIds = guardians.stream().map(GuardianContact::guardianId).toList();
        Map<Long, Set<Channel>> preferences = reach.preferences(guardianIds);
        Map<Long, List<Long>> subscriptions = reach.pushSubscriptions(guardianIds);
        Set<Long> optedOut = ChannelMessageRepository.MANDATORY_KINDS.contains(notice.kind().name()) ? Set.of()
                : optOuts.optedOut(guardianIds);
        List<Supplier<NewMessage>> messages = new ArrayList<>();
        Set<String> numbers = new HashSet<>();
        for (GuardianContact guardian : guardians) {
            if (optedOut.contains(guardian.guardianId())) {
                continue;
            }
            List<Long> targets = subscriptions.getOrDefault(guardian.guardianId(), List.of());
            Set<Channel> channels = choice.now(notice, new ChannelChoice.Reach(guardian.mobile() != null,
                    guardian.email() != null, !targets.isEmpty(), preferences.get(guardian.guardianId())));
            if (channels.isEmpty()) {
                continue;
            }
            if (channels.contains(Channel.SMS) && numbers.add(guardian.mobile().e164())) {
                messages.add(() -> sms(notice, guardian.guardianId(), null, guardian.mobile(),
                        renderer.renderSms(recipientOf(guardian)).text()));
            }
            if (channels.contains(Channel.EMAIL)) {
                messages.add(() -> {
                    RenderedMessage.Email email = renderer.renderEmail(recipientOf(guardian));
                    return new NewMessage(notice.id(), Channel.EMAIL.name(), guardian.guardianId(), null,
                            guardian.email(), EmailAddress.mask(guardian.email()), email.text(), 0,
                            new NewMessage.ChannelContent(email.subject(), email.html(), null, null), null, null);
                });
            }
            if (channels.contains(Channel.PUSH)) {
                for (Long target : targets) {
                    messages.add(() -> {
                        RenderedMessage.Push push = renderer.renderPush(recipientOf(guardian));
                        return new NewMessage(notice.id(), Channel.PUSH.name(), guardian.guardianId(), null,
                                String.valueOf(target), "push#" + target, push.body(), 0,
                                new NewMessage.ChannelContent(push.title(), null, Json.write(push.data()), target),
                                null, null);
                    });
                }
            }
        }
        boolean staffBySms = choice.available().contains(Channel.SMS)
                && (notice.isEmergency() || notice.channels().contains(Channel.SMS));
        if (staffBySms) {
            String text = renderer.renderSms(STAFF).text();
            staff.forEach((staffId, mobile) -> {
                if (numbers.add(mobile.e164())) {
                    messages.add(() -> sms(notice, null, staffId, mobile, text));
                }
            });
        }
        return ParallelRendering.inOrder(messages);
    }

    /**
     * The SMS a guardian gets when his push was not delivered in time; empty when the notice's fallback doesn't
     * apply to him (he asked for push only, or has no mobile).
     */
    public java.util.Optional<NewMessage> fallbackSms(Notice notice, GuardianContact guardian, long pushMessageId) {
        Set<Channel> preferred = reach.preferences(List.of(guardian.guardianId())).get(guardian.guardianId());
        if (!choice.smsLater(notice, new ChannelChoice.Reach(guardian.mobile() != null, guardian.email() != null,
                true, preferred))) {
            return java.util.Optional.empty();
        }
        String text = renderers.get().renderSms(NoticeModels.of(notice, signature), recipientOf(guardian)).text();
        NewMessage sms = sms(notice, guardian.guardianId(), null, guardian.mobile(), text);
        return java.util.Optional.of(new NewMessage(sms.noticeId(), sms.channel(), sms.guardianId(), null,
                sms.address(), sms.masked(), sms.body(), sms.segments(), sms.content(), null, pushMessageId));
    }

    /** Every channel's rendering for one recipient: the audience's first guardian, or a sample family. */
    public NoticePreview preview(Notice notice, GuardianContact sample) {
        NoticePreviewer previewer = new NoticePreviewer(renderers.get());
        NoticeModel model = NoticeModels.of(notice, signature);
        return sample == null ? previewer.preview(model) : previewer.preview(model, recipientOf(sample));
    }

    private static NewMessage sms(Notice notice, Long guardianId, Long staffId, MobileNumber to, String text) {
        return new NewMessage(notice.id(), Channel.SMS.name(), guardianId, staffId, to, text, SmsSegments.of(text).count());
    }

    private static RecipientModel recipientOf(GuardianContact guardian) {
        List<Child> children = new ArrayList<>();
        for (StudentRef child : guardian.children()) {
            children.add(new Child(child.name(), child.className()));
        }
        return children.isEmpty() ? new RecipientModel(guardian.name(), List.of()) : RecipientModel.guardianOf(children);
    }
}
