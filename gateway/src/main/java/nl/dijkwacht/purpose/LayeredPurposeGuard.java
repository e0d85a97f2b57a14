package nl.dijkwacht.purpose;

import java.util.List;
import nl.dijkwacht.pii.detect.SpecialCategoryRecognizer;
import nl.dijkwacht.policy.ForbiddenPurpose;
import nl.dijkwacht.policy.PurposeGuardPolicy;

/**
 * The purpose guard's three layers (issue 10), plain Java: (1) the policy's regular expressions and the PII engine's
 * special-category term list — fast, literal; (2) the in-process classifier with the use-case's thresholds; (3) the
 * use-case's guard model, asked only when (2) is unsure. Thread-safe; one instance is shared.
 *
 * <p>Forbidden purpose: a rule hit is refused unless the classifier is sure it is a near miss (score below
 * {@code allow-below}); a classifier score at or above {@code refuse-at} is refused; below {@code allow-below} it is
 * not (tenth round: nor at or above it when the text asks no verdict, shows no case and is about policy or the
 * process — {@link PurposeFactors}); in between the guard model decides (on failure: the policy's {@code on-guard-failure}, refuse by default), or
 * without one the classifier at {@code decide-at} together with the purpose's factors ({@link PurposeFactors}: a verdict
 * asked on concrete cases is refused from {@code verdict-on-cases-at}, and from {@code allow-below} when the model is the
 * one who decides — eleventh round); over the whole range, the same verdict on cases in a
 * forbidden purpose's domain ({@link PurposeDomain}) is refused from {@code domain-verdict-at}. Special-category data, without a guard model: a
 * named person with a special-category word counts as that person's data from {@code personal-named-at}; a listed term
 * without a named person (nor one person referred to by role: "de cliënt", "mevrouw") is a topic below {@code topic-unnamed-below}. Otherwise a personal score at or above {@code personal-at}
 * counts as a person's data (when the term list found no term: at least {@code personal-without-term-at}); a term
 * found with a score below {@code topic-below} is a topic only; in between the guard model decides, and without a
 * (working) guard model the data counts as a person's: the topic exemption never fails open.
 */
public final class LayeredPurposeGuard {

    private final PurposeClassifier classifier;
    private final SpecialCategoryRecognizer terms;
    private final MessageReadings readings;

    /** Slots of the table of repeated messages' readings by default (setting {@code dijkwacht.purpose.repeated-message-cache}). */
    public static final int DEFAULT_REPEATED_MESSAGES = 2_048;

    public LayeredPurposeGuard(PurposeClassifier classifier, SpecialCategoryRecognizer terms) {
        this(classifier, terms, DEFAULT_REPEATED_MESSAGES);
    }

    /**
     * @param repeatedMessages slots of the table of repeated messages' readings ({@link MessageReadings}; setting
     *                         {@code dijkwacht.purpose.repeated-message-cache}); 0: none
     */
    public LayeredPurposeGuard(PurposeClassifier classifier, SpecialCategoryRecognizer terms, int repeatedMessages) {
        this.classifier = classifier;
        this.terms = terms;
        this.readings = new MessageReadings(terms, repeatedMessages, classifier.numbers());
    }

    /**
     * @param texts  what the staff member and the tool wrote (user, system, developer messages)
     * @param rules  the forbidden purposes that guard this use-case
     * @param guard  the guard model client, used only when the policy names a guard model
     */
    public Judgement judge(List<String> texts, List<ForbiddenPurpose> rules, PurposeGuardPolicy policy, GuardModel guard) {
        return judgeRead(PurposeText.of(texts), rules, policy, guard);
    }

    /**
     * {@link #judge} of texts already read as the guard reads them ({@link PurposeText}). guard50 (guard49's rule, made
     * cheap): the cues that lower a verdict — not about cases ("alleen beleid", "fictief", figures over a group), a
     * decision said to be taken — are read over the joined messages, so one message could clear another's request (a
     * system prompt saying "dit gaat niet over echte gevallen", a verdict on named cases asked in the user's message).
     * Where a message of a conversation holds a word of such a cue ({@link ClearingCues}, found by the classifier's scan
     * that reads each message anyway) and the joined messages are not refused, each message is also judged on its own
     * for the forbidden-purpose question (without a guard model: no extra model calls, and from the readings already
     * made), and a message refused on its own refuses the request: a cue clears only the message that carries it. A
     * conversation without such a word (the harness's system prompt and user message) costs nothing more.
     */
    private Judgement judgeRead(List<String> texts, List<ForbiddenPurpose> rules, PurposeGuardPolicy policy, GuardModel guard) {
        // the term list, the rules, the domains and the classifier's token numbers per message, earlier messages from the
        // table (same answers as on the joined text)
        MessageReadings.Joined read = readings.read(texts, rules);
        boolean[] cueRead = {false};
        Judgement joined = judgeJoined(texts, read, rules, policy, guard, false, cueRead);
        // only where the joined reading asked a step that reads the clearing cues (the purpose's unsure band, the
        // process-only exemption, the domain step): a conversation no step of which read a cue was not cleared by one
        // (the five-turn benchmark conversation: +240 us per request when every conversation with a cue word was judged
        // message by message)
        if (texts.size() < 2 || rules.isEmpty() || joined.refusesPurpose() || !cueRead[0]) {
            return joined;
        }
        MessageReadings.Parts parts = read.parts();
        if (parts == null) {
            // read joined (more rules than bits): the cue words of the joined text, each message read again
            if (PurposeCues.of(read.folded()).clearingWord) {
                for (String text : texts) {
                    Judgement alone = judgeJoined(List.of(text), readings.read(List.of(text), rules), rules, policy, null, true, null);
                    if (alone.refusesPurpose()) {
                        return alone;
                    }
                }
            }
            return joined;
        }
        if (!anyClearingCue(parts, texts.size())) {
            return joined;
        }
        for (int i = 0; i < texts.size(); i++) {
            Judgement alone = judgeJoined(List.of(texts.get(i)), parts.alone(i), rules, policy, null, true, null);
            if (alone.refusesPurpose()) {
                return alone;
            }
        }
        return joined;
    }

    private static boolean anyClearingCue(MessageReadings.Parts parts, int messages) {
        for (int i = 0; i < messages; i++) {
            if (parts.clearingCue(i)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param purposeOnly the forbidden-purpose question only (a message judged on its own): allowed where it clears
     * @param cueRead     set where a step that reads the clearing cues is asked; null: not wanted
     */
    private Judgement judgeJoined(List<String> texts, MessageReadings.Joined read, List<ForbiddenPurpose> rules, PurposeGuardPolicy policy,
                                  GuardModel guard, boolean purposeOnly, boolean[] cueRead) {
        boolean term = read.specialTerm();
        String folded = read.folded();
        // the steps below read the tokens' markers only (PurposeFactors.has): the markers, or the joined text's tokens
        String[] tokens;
        PurposeClassifier.Scores s;
        if (read.tokens() != null) {
            tokens = read.tokens().markers();
            s = classifier.classify(read.tokens());
        } else {
            tokens = PurposeTokens.of(joined(texts), folded, term);
            s = classifier.classify(tokens);
        }

        Judgement cleared = null;
        if (!rules.isEmpty()) {
            ForbiddenPurpose hit = read.ruleHit();
            if (hit != null && s.forbidden() >= policy.allowBelow()) {
                return new Judgement(Verdict.FORBIDDEN_PURPOSE, hit.id(), Layer.RULES, s.forbidden(), term);
            }
            ForbiddenPurpose likely = byId(rules, s.purpose());
            if (likely != null && cueRead != null && s.forbidden() >= policy.allowBelow()) {
                cueRead[0] = true;
            }
            if (likely != null) {
                if (s.forbidden() >= policy.refuseAt() && !processOnly(texts, folded, tokens, policy)) {
                    return new Judgement(Verdict.FORBIDDEN_PURPOSE, likely.id(), Layer.CLASSIFIER, s.forbidden(), term);
                }
                if (s.forbidden() >= policy.allowBelow()) {
                    Judgement unsure = unsurePurpose(texts, folded, tokens, read.domains(), likely, s, term, policy, guard);
                    if (unsure.refusesPurpose()) {
                        return unsure;
                    }
                    cleared = unsure;
                }
            }
        }
        if (!rules.isEmpty() && s.forbidden() < policy.refuseAt() && (cleared == null || cleared.layer() == Layer.CLASSIFIER)) {
            if (cueRead != null && policy.domainVerdictAt() < 1.0 && s.forbidden() >= policy.domainVerdictAt()
                    && PurposeDomain.of(read.domains(), s.purpose()) != null) {
                cueRead[0] = true;
            }
            ForbiddenPurpose domain = domainVerdict(texts, folded, tokens, read.domains(), rules, s, policy, guard);
            if (domain != null) {
                return new Judgement(Verdict.FORBIDDEN_PURPOSE, domain.id(), Layer.CLASSIFIER, s.forbidden(), term);
            }
        }
        if (purposeOnly) {
            return new Judgement(Verdict.ALLOWED, null, Layer.CLASSIFIER, s.forbidden(), term);
        }
        Judgement special = special(texts, folded, tokens, s, term, policy, guard);
        // allowed after the guard model cleared the purpose question: that layer decided, not the classifier
        if (special.verdict() == Verdict.ALLOWED && cleared != null && cleared.layer() != Layer.CLASSIFIER
                && special.layer() == Layer.CLASSIFIER) {
            return new Judgement(Verdict.ALLOWED, null, cleared.layer(), cleared.score(), special.specialTerm());
        }
        return special;
    }

    /** The unsure band of the forbidden-purpose question: a refusal, or the allowed judgement of the layer that cleared it. */
    private Judgement unsurePurpose(List<String> texts, String folded, String[] tokens, int domains, ForbiddenPurpose likely,
                                    PurposeClassifier.Scores s, boolean term,
                                    PurposeGuardPolicy policy, GuardModel guard) {
        Judgement refused = new Judgement(Verdict.FORBIDDEN_PURPOSE, likely.id(), Layer.CLASSIFIER, s.forbidden(), term);
        if (policy.guardModel() == null || guard == null) {
            return refusesWithoutGuard(texts, folded, tokens, domains, s.forbidden(), policy) ? refused
                    : new Judgement(Verdict.ALLOWED, null, Layer.CLASSIFIER, s.forbidden(), term);
        }
        GuardModel.Answer answer = guard.ask(policy.guardModel(), GuardModel.Question.FORBIDDEN_PURPOSE, joined(texts),
                policy.guardBudget());
        return switch (answer) {
            case GuardModel.Yes y -> new Judgement(Verdict.FORBIDDEN_PURPOSE, likely.id(), Layer.GUARD_MODEL, 1.0, term);
            case GuardModel.No n -> new Judgement(Verdict.ALLOWED, null, Layer.GUARD_MODEL, 0.0, term);
            case GuardModel.Failed f -> policy.onGuardFailure() == PurposeGuardPolicy.FailureOutcome.ALLOW
                    ? new Judgement(Verdict.ALLOWED, null, Layer.GUARD_UNAVAILABLE, s.forbidden(), term)
                    : new Judgement(Verdict.FORBIDDEN_PURPOSE, likely.id(), Layer.GUARD_UNAVAILABLE, s.forbidden(), term);
        };
    }

    /**
     * The unsure band without a guard model, the purpose taken apart ({@link PurposeFactors}): a verdict asked on concrete
     * cases is refused from {@code verdict-on-cases-at}; at or above {@code decide-at} the request is refused unless it
     * is about policy or rules and asks no verdict on cases. {@code verdict-on-cases-at: 1.0} switches this off.
     */
    private static boolean refusesWithoutGuard(List<String> texts, String folded, String[] tokens, int domains, double forbidden,
                                               PurposeGuardPolicy policy) {
        if (policy.verdictOnCasesAt() >= 1.0) {
            // the factor step switched off: the classifier alone at decide-at (the fourth round's decision)
            return forbidden >= policy.decideAt();
        }
        PurposeFactors f = PurposeFactors.of(joined(texts), folded, tokens);
        // tenth round: a decision said to be taken already ("our committee already decided not to hire …") is no verdict
        // asked of the model; only the explicit form — a participle late in a clause ("vorig jaar afgewezen") is as often
        // the history of cases a new verdict is asked on
        boolean taken = PurposeFactors.has(tokens, PurposeTokens.DECISION_TAKEN) || PurposeCues.decisionStated(folded);
        boolean verdictOnCases = f.verdictAsked && f.aboutCases && !taken;
        if (forbidden >= policy.decideAt()) {
            // eleventh round: a decision said to be taken, with no verdict asked (the letter about it), is allowed here as
            // a text about policy is
            // twelfth round: nor is a text that has none of a forbidden purpose's parts — no verdict asked, no case or person,
            // none of the three domains, nothing asked of the model at all ("De leges zijn €134,- voor een paspoort …"): the
            // classifier's score on a text with so little of a request is near its prior, and no evidence of a purpose
            boolean noPart = !f.verdictAsked && !f.verdictAskedDirectly && !f.aboutCases && !f.aboutPersons && domains == 0 && !RequestAsked.of(folded);
            return !(f.notAboutCases || taken && !f.verdictAsked || noPart) || verdictOnCases;
        }
        // eleventh round: when the model is the one who decides (its answer taken over, a script applying it, the model
        // cast as the committee) a verdict on cases is refused over the whole unsure band
        return verdictOnCases && !f.notAboutCases && forbidden >= (f.modelDecides ? policy.allowBelow() : policy.verdictOnCasesAt());
    }

    /**
     * The domain step (round 6), without a guard model and over the whole score range: a verdict asked (not as a noun after
     * an article: "de toekenning" is a decision already taken) on concrete persons or cases ("deze aanvraag", not "deze
     * vacaturetekst")
     * in a forbidden purpose's domain ({@link PurposeDomain}), not about policy or rules, is that purpose — the classifier
     * is confidently wrong on such verdicts hidden as one step of a longer task. {@code domain-verdict-at: 1.0} switches
     * it off.
     */
    private static ForbiddenPurpose domainVerdict(List<String> texts, String folded, String[] tokens, int domains, List<ForbiddenPurpose> rules,
                                                  PurposeClassifier.Scores s,
                                                  PurposeGuardPolicy policy, GuardModel guard) {
        if (policy.domainVerdictAt() >= 1.0 || s.forbidden() < policy.domainVerdictAt() || policy.guardModel() != null && guard != null) {
            return null;
        }
        String purpose = PurposeDomain.of(domains, s.purpose());
        if (purpose == null) {
            return null;
        }
        PurposeFactors f = PurposeFactors.of(joined(texts), folded, tokens);
        // a decision already taken by a person ("de al genomen afwijzing") is no verdict asked of the model (sixth round)
        // a label or score asked for each case is a verdict on cases even next to a policy cue (sixth round)
        return f.verdictAskedDirectly && f.aboutPersons && (!f.notAboutCases || f.verdictPerCase)
                && !decisionTaken(folded, tokens) ? byId(rules, purpose) : null;
    }

    /**
     * Tenth round: a text that asks no verdict, shows no case and is about policy, rules or the process itself (a vacancy
     * text, figures over a group) is no forbidden purpose however sure the classifier is; it goes to the unsure band,
     * which allows it. Off with the factor step ({@code verdict-on-cases-at: 1.0}).
     */
    private static boolean processOnly(List<String> texts, String folded, String[] tokens, PurposeGuardPolicy policy) {
        if (policy.verdictOnCasesAt() >= 1.0) {
            return false;
        }
        PurposeFactors f = PurposeFactors.of(joined(texts), folded, tokens);
        return f.notAboutCases && !f.verdictAsked && !f.aboutCases;
    }

    private static boolean decisionTaken(String folded, String[] tokens) {
        return PurposeFactors.has(tokens, PurposeTokens.DECISION_TAKEN) || PurposeCues.decisionTakenLate(folded);
    }

    private Judgement special(List<String> texts, String folded, String[] tokens, PurposeClassifier.Scores s, boolean term, PurposeGuardPolicy policy,
                              GuardModel guard) {
        double p = s.personalSpecial();
        if (policy.guardModel() == null || guard == null) {
            // thirteenth round: a letter about a provision already decided names the aid, not the person's condition
            if (term && ProvisionLetter.of(terms, texts, folded, tokens)) {
                return new Judgement(Verdict.ALLOWED, null, Layer.CLASSIFIER, p, true);
            }
            // without a guard model: a named person next to a special-category word (listed or not) is that person's
            // data sooner; a listed term without a named person needs more before it is taken for a person's data
            boolean stated = policy.personalNamedAt() < 1.0 && StatedMembership.mayStateIn(folded);
            boolean named = PurposeFactors.has(tokens, PurposeTokens.TITLE_NAME);
            if (!named && PurposeFactors.has(tokens, PurposeTokens.NAME)) {
                // fourteenth round: a two-word name marker counts only where a capitalised run can be a person's (not a row
                // of nationalities, not "het project Nieuwe Start"); read by hand only where the name can change the
                // verdict — a special word, a stated membership, a score that counts as a person's data — else the marker
                // counts, as before
                boolean matters = term || PurposeFactors.has(tokens, PurposeTokens.SPECIAL_WORD) || stated || p >= policy.personalAt(term)
                        || p >= policy.personalNamedAt() && PurposeCues.moreSpecial(folded);
                named = !matters || PersonNameRuns.anyPersonName(joined(texts)) || OnePerson.byNumber(folded);
                if (!named && p >= policy.personalAt(term)) {
                    // the name marker misread: the personal score as the model gives it without one
                    p = classifier.classify(PersonNameRuns.tokensWithoutName(joined(texts), folded, term)).personalSpecial();
                }
            } else {
                named = named || OnePerson.byNumber(folded);
            }
            // thirteenth round: a form of address with an initial only ("meneer B. uit de Vogelwijk") names one person too
            // sixteenth round: or one person identified by what only they have (an address, a number, a desk, an office),
            // asked last; seventeenth round: or one person singled out by the shape of the reference (a description, an
            // identifier after a person noun, a given name), asked after that
            if (p >= policy.personalNamedAt() && (term || PurposeFactors.has(tokens, PurposeTokens.SPECIAL_WORD) || PurposeCues.moreSpecial(folded))
                    && (named || OnePerson.byTitleWithInitial(folded) || PersonPointedAt.in(folded)
                    || SingledOutPerson.in(joined(texts), folded))) {
                return new Judgement(Verdict.PERSONAL_SPECIAL_CATEGORY, null, Layer.CLASSIFIER, p, term);
            }
            // fourteenth round: a union, party, church office, same-sex parents or an origin stated outright next to a named
            // person is that person's data however low the personal score (minutes, thank-you mails, speeches); off with
            // the named-person step (personal-named-at 1.0)
            if (stated && (named || OnePerson.byTitleWithInitial(folded) || StatedMembership.officeIn(folded) && StatedMembership.namesByOffice(joined(texts)))
                    && StatedMembership.in(folded)) {
                return new Judgement(Verdict.PERSONAL_SPECIAL_CATEGORY, null, Layer.CLASSIFIER, p, term);
            }
            // ninth round: a special-category word the term list lacks ("homo's en lesbiennes") is a topic on the same
            // terms, unless a pronoun points at someone ("hij valt op mannen")
            boolean word = term || PurposeFactors.has(tokens, PurposeTokens.SPECIAL_WORD) && !OnePerson.byPronoun(folded);
            if (word && !named && p < policy.topicUnnamedBelow() && !OnePerson.byRole(folded)) {
                return new Judgement(Verdict.ALLOWED, null, Layer.CLASSIFIER, p, term);
            }
        }
        // without a term from the list the classifier alone must be surer (personal-without-term-at)
        if (p >= policy.personalAt(term)) {
            return new Judgement(Verdict.PERSONAL_SPECIAL_CATEGORY, null, Layer.CLASSIFIER, p, term);
        }
        if (!term) {
            return new Judgement(Verdict.ALLOWED, null, Layer.CLASSIFIER, p, false);
        }
        if (p < policy.topicBelow()) {
            return new Judgement(Verdict.ALLOWED, null, Layer.CLASSIFIER, p, true);
        }
        if (policy.guardModel() == null || guard == null) {
            // unsure whether a person's data or a topic: counts as a person's (the exemption never fails open)
            return new Judgement(Verdict.PERSONAL_SPECIAL_CATEGORY, null, Layer.RULES, p, true);
        }
        GuardModel.Answer answer = guard.ask(policy.guardModel(), GuardModel.Question.PERSONAL_SPECIAL_CATEGORY, joined(texts),
                policy.guardBudget());
        return switch (answer) {
            case GuardModel.Yes y -> new Judgement(Verdict.PERSONAL_SPECIAL_CATEGORY, null, Layer.GUARD_MODEL, 1.0, true);
            case GuardModel.No n -> new Judgement(Verdict.ALLOWED, null, Layer.GUARD_MODEL, 0.0, true);
            case GuardModel.Failed f -> new Judgement(Verdict.PERSONAL_SPECIAL_CATEGORY, null, Layer.GUARD_UNAVAILABLE, p, true);
        };
    }

    /**
     * The messages joined by line breaks, as the guard judges them: made only where the factors or the guard model read
     * the text itself (issue 15: most requests need neither, and the join was a copy of the conversation per request).
     */
    private static String joined(List<String> texts) {
        return String.join("\n", texts);
    }

    /** The first rule, in the policy's order, that one of the texts matches (each text apart). */
    static ForbiddenPurpose ruleHit(List<String> texts, List<ForbiddenPurpose> rules) {
        if (rules.isEmpty()) {
            return null;
        }
        String[] folded = new String[texts.size()];
        for (ForbiddenPurpose rule : rules) {
            for (int i = 0; i < folded.length; i++) {
                String text = texts.get(i);
                if (folded[i] == null && text != null) {
                    folded[i] = ForbiddenPurpose.fold(text);
                }
                if (rule.matches(text, folded[i])) {
                    return rule;
                }
            }
        }
        return null;
    }

    private static ForbiddenPurpose byId(List<ForbiddenPurpose> rules, String id) {
        for (ForbiddenPurpose rule : rules) {
            if (rule.id().equals(id)) {
                return rule;
            }
        }
        return null;
    }
}
