//! The editor of one choice: its id, text, kind, objection or package, where it leads, its
//! feedback, points and effects, the facts it reveals, the figures it states, and what it
//! requires.

use std::rc::Rc;

use yew::prelude::*;

use super::conditions::Conditions;
use super::fields::{options, Checks, Number, Options, Pick};
use super::figures::FigureInserter;
use super::forms::{edit, find, points, strings, Ed};
use super::next::NextForm;
use super::pair::Pair;
use super::state::EditorAction;
use crate::context::use_i18n;
use crate::engine::messages;
use crate::engine::Package;
use crate::engine::*;
use crate::i18n::{action_on, TrainerText};
use crate::platform::form::value_of;

/// Props of [`ChoiceForm`].
#[derive(Properties)]
pub(super) struct ChoiceFormProps {
    /// The scenario as it is now.
    pub(super) scenario: Rc<Scenario>,
    /// The choice's node.
    pub(super) node: usize,
    /// Which choice of it.
    pub(super) choice: usize,
    /// Where changes go.
    pub(super) editor: Ed,
    /// The hidden facts' ids.
    pub(super) facts: Rc<Vec<AttrValue>>,
}

impl PartialEq for ChoiceFormProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.scenario, &other.scenario)
            && (self.node, self.choice) == (other.node, other.choice)
            && self.editor == other.editor
            && self.facts == other.facts
    }
}

/// One choice of a node.
#[function_component]
pub(super) fn ChoiceForm(props: &ChoiceFormProps) -> Html {
    let i18n = use_i18n();
    let t = |k: TrainerText| AttrValue::from(i18n.t(k));
    let (s, ed, i, c, facts) = (
        &props.scenario,
        &props.editor,
        props.node,
        props.choice,
        &props.facts,
    );
    let Some(ch) = s.nodes.get(i).and_then(|n| n.choices.get(c)) else {
        return Html::default();
    };
    let fact_options: Options = Rc::new(facts.iter().map(|f| (f.clone(), f.clone())).collect());
    let kinds: Options = Rc::new(
        MOVE_KINDS
            .iter()
            .map(|(k, l)| (AttrValue::from(format_name(k)), t(*l)))
            .collect(),
    );
    let objections: Options = options(Objection::ALL, |o| {
        messages::objection(*o).get(i18n.lang).to_owned()
    });
    let packages: Options = options(Package::ALL, |p| {
        messages::package(*p).get(i18n.lang).to_owned()
    });

    fn choice<T: Clone + 'static>(
        ed: &Ed,
        i: usize,
        c: usize,
        f: impl Fn(&mut Choice, T) + 'static,
    ) -> Callback<T> {
        edit(ed, move |s: &mut Scenario, v: T| {
            if let Some(x) = s.node_mut(i).and_then(|n| n.choices.get_mut(c)) {
                f(x, v)
            }
        })
    }
    html! {
            <div class="choice-editor" data-testid={format!("choice-editor-{c}")}>
                <label class="field">
                    <span>{ t(TrainerText::ChoiceId) }</span>
                    <input type="text" value={ch.id.clone()} data-testid={format!("choice-{c}-id")}
                        onchange={{ let set = choice(ed, i, c, |x, v: String| x.id = v.trim().to_owned()); Callback::from(move |e: Event| set.emit(value_of(&e))) }} />
                </label>
                <Pair label={t(TrainerText::ChoiceText)} value={ch.text.clone()} on_change={choice(ed, i, c, |x, v| x.text = v)} long=true testid={format!("choice-{c}-text")} />
                <Pick label={t(TrainerText::ChoiceKind)} options={kinds.clone()} value={format_name(&ch.kind)} help={t(TrainerText::HelpKind)}
                    on_change={choice(ed, i, c, |x, v: AttrValue| if let Some(k) = find(&MOVE_KINDS.map(|(k, _)| k), &v) { x.kind = k })} testid={format!("choice-{c}-kind")} />
                if ch.kind == MoveKind::AnswerObjection || ch.objection.is_some() {
                    <Pick label={t(TrainerText::ChoiceObjection)} options={objections.clone()} value={ch.objection.map(|o| format_name(&o)).unwrap_or_default()} none={AttrValue::from("–")}
                        on_change={choice(ed, i, c, |x, v: AttrValue| x.objection = find(&Objection::ALL, &v))} testid={format!("choice-{c}-objection")} />
                }
                if ch.kind == MoveKind::Close || ch.package.is_some() {
                    <Pick label={t(TrainerText::ChoicePackage)} options={packages.clone()} value={ch.package.map(|p| format_name(&p)).unwrap_or_default()} none={AttrValue::from("–")}
                        on_change={choice(ed, i, c, |x, v: AttrValue| x.package = find(&Package::ALL, &v))} testid={format!("choice-{c}-package")} />
                }
                <NextForm label={TrainerText::ChoiceNext} empty={TrainerText::NextEnd} next={ch.next.clone()} facts={facts.clone()}
                on_change={choice(ed, i, c, |x, v: Next| x.next = v)} testid={format!("choice-{c}-next")} />
                if ch.kind == MoveKind::Close || ch.if_not_ready.is_some() {
                    // Empty: the worker's state decides between a follow-up and a refusal.
                    <NextForm label={TrainerText::ChoiceIfNotReady} empty={TrainerText::IfNotReadyDefault} next={ch.if_not_ready.clone().unwrap_or_default()} facts={facts.clone()}
                    on_change={choice(ed, i, c, |x, v: Next| x.if_not_ready = (v != Next::End).then_some(v))} testid={format!("choice-{c}-not-ready")} />
                }
                <Pair label={t(TrainerText::ChoiceFeedback)} value={ch.feedback.clone()} on_change={choice(ed, i, c, |x, v| x.feedback = v)} long=true testid={format!("choice-{c}-feedback")} />
                { points(&i18n, TrainerText::ChoiceScores, &ch.scores, (-10, 10), choice(ed, i, c, |x, v: Points| x.scores = v), &format!("choice-{c}-score")) }
                <fieldset class="numbers">
                    <legend>{ t(TrainerText::ChoiceEffects) }</legend>
                    { for [
                        (TrainerText::Trust, 0usize, ch.effects.trust),
                        (TrainerText::Interest, 1, ch.effects.interest),
                        (TrainerText::CostWorry, 2, ch.effects.cost_worry),
                        (TrainerText::Patience, 3, ch.effects.patience),
                    ].into_iter().map(|(label, which, value)| html! {
                        <Number label={t(label)} value={i64::from(value)} min={-100} max={100} testid={format!("choice-{c}-effect-{which}")}
                            on_change={choice(ed, i, c, move |x, v: i64| *match which { 0 => &mut x.effects.trust, 1 => &mut x.effects.interest, 2 => &mut x.effects.cost_worry, _ => &mut x.effects.patience } = v as i32)} />
                    }) }
                </fieldset>
                if !facts.is_empty() {
                    <Checks label={t(TrainerText::ChoiceReveals)} options={fact_options.clone()} value={strings(&ch.effects.reveals)}
                        on_change={choice(ed, i, c, |x, v: Vec<AttrValue>| x.effects.reveals = v.iter().map(|f| f.to_string()).collect())} testid={format!("choice-{c}-reveals")} />
                }
                <FigureInserter text={ch.text.clone()} worker={s.persona.worker()} date={crate::platform::clock::today()} testid={format!("choice-{c}-figure")}
                    on_insert={choice(ed, i, c, |x, p: String| {
                        for text in [&mut x.text.id, &mut x.text.en] {
                            if !text.is_empty() && !text.ends_with(' ') { text.push(' '); }
                            text.push_str(&p);
                        }
                    })} />
                <Conditions label={t(TrainerText::ChoiceRequires)} value={ch.requires.clone()} facts={facts.clone()} testid={format!("choice-{c}-requires")}
                    on_change={choice(ed, i, c, |x, v: Vec<Condition>| x.requires = v)} />
                <button type="button" class="button button--secondary" data-testid={format!("choice-{c}-remove")}
                    aria-label={action_on(i18n.lang, TrainerText::RemoveChoice, &ch.id)}
                    onclick={{ let ed = ed.clone(); Callback::from(move |_: MouseEvent| ed.dispatch(EditorAction::RemoveChoice { node: i, choice: c })) }}>{ t(TrainerText::RemoveChoice) }</button>
            </div>
    }
}

/// Every move kind, with its label.
pub const MOVE_KINDS: [(MoveKind, TrainerText); 16] = [
    (MoveKind::Rapport, TrainerText::KindRapport),
    (MoveKind::Discover, TrainerText::KindDiscover),
    (MoveKind::Explain, TrainerText::KindExplain),
    (MoveKind::Quote, TrainerText::KindQuote),
    (MoveKind::AnswerObjection, TrainerText::KindAnswer),
    (MoveKind::SocialProof, TrainerText::KindSocialProof),
    (MoveKind::ShowCredentials, TrainerText::KindCredentials),
    (MoveKind::Close, TrainerText::KindClose),
    (MoveKind::Receipt, TrainerText::KindReceipt),
    (MoveKind::FollowUp, TrainerText::KindFollowUp),
    (MoveKind::Pressure, TrainerText::KindPressure),
    (MoveKind::FalsePromise, TrainerText::KindFalsePromise),
    (MoveKind::ConfuseAgencies, TrainerText::KindConfuse),
    (MoveKind::SkipReceipt, TrainerText::KindSkipReceipt),
    (MoveKind::Disrespect, TrainerText::KindDisrespect),
    (MoveKind::Leave, TrainerText::KindLeave),
];
