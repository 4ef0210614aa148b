#include "ui/review/annotationpanel.h"

#include "ui/format.h"
#include "ui/imagelistmodel.h"
#include "ui/project.h"
#include "ui/review/annotationstore.h"
#include "ui/review/reviewfilter.h"

#include <QAction>
#include <QComboBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>
#include <QVBoxLayout>
#include <cmath>

namespace utad::ui {

AnnotationPanel::AnnotationPanel(Project* project, QWidget* parent) : QWidget(parent), m_project(project)
{
    auto action = [this](const QString& text, const QKeySequence& key, const QString& tip) {
        auto* a = new QAction(text, this);
        a->setShortcut(key);
        a->setShortcutContext(Qt::WindowShortcut);
        a->setToolTip(QStringLiteral("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText)));
        a->setEnabled(false);
        addAction(a);
        return a;
    };
    m_falsePositive = action(tr("False positive"), Qt::Key_1, tr("Flagged, but the part is good"));
    m_confirmed = action(tr("Confirmed defect"), Qt::Key_2, tr("Flagged, and the part is defective"));
    m_missed = action(tr("Missed defect"), Qt::Key_3, tr("Passed, but the part is defective; draw the defect with B"));
    m_clear = action(tr("Clear mark"), Qt::Key_0, tr("Remove the mark of this image"));
    m_accept = action(tr("Reviewed, decision OK"), Qt::Key_A, tr("The model's decision is right; no mark needed"));
    m_drawMask = action(tr("Draw defect…"), Qt::Key_B, tr("Outline the defect with a brush or polygon"));
    m_next = action(tr("Next unreviewed"), Qt::Key_N, tr("Go to the next unreviewed image in the list"));
    m_next->setEnabled(true);

    connect(m_falsePositive, &QAction::triggered, this, [this] { mark(Mark::FalsePositive); });
    connect(m_confirmed, &QAction::triggered, this, [this] { mark(Mark::ConfirmedDefect); });
    connect(m_missed, &QAction::triggered, this, [this] { mark(Mark::MissedDefect); });
    connect(m_clear, &QAction::triggered, this, [this] { mark(Mark::None); });
    connect(m_accept, &QAction::triggered, this, [this] {
        if (!m_path.isEmpty())
            m_project->annotations()->setReviewed(m_path, true);
    });
    connect(m_drawMask, &QAction::triggered, this, [this] {
        if (!m_path.isEmpty())
            emit drawMaskRequested(m_path);
    });
    connect(m_next, &QAction::triggered, this, &AnnotationPanel::nextUnreviewedRequested);

    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("title"));
    m_title->setStyleSheet(QStringLiteral("font-weight: bold"));
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details = new QLabel(this);
    m_details->setWordWrap(true);  // score, prediction and truth: long in German
    m_state = new QLabel(this);
    m_state->setWordWrap(true);
    m_state->setObjectName(QStringLiteral("state"));

    auto* buttons = new QGridLayout;
    const QList<QAction*> all = reviewActions();
    for (int i = 0; i < all.size(); ++i) {
        auto* b = new QToolButton(this);
        b->setDefaultAction(all[i]);
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        b->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        buttons->addWidget(b, i, 0);  // one column: a narrow dock leaves the panels room at 1280 px
    }

    m_note = new QLineEdit(this);
    m_note->setObjectName(QStringLiteral("note"));
    m_note->setPlaceholderText(tr("Note (Enter saves it)"));
    m_note->setToolTip(tr("A note on this image, saved with Enter"));
    m_note->setEnabled(false);
    m_note->setClearButtonEnabled(true);
    connect(m_note, &QLineEdit::editingFinished, this, &AnnotationPanel::commitNote);

    m_filter = new QComboBox(this);
    m_filter->setObjectName(QStringLiteral("reviewFilter"));
    m_filter->addItems(reviewFilterNames());
    m_filter->setToolTip(tr("Show only these images in the image list"));
    connect(m_filter, &QComboBox::currentIndexChanged, this, [this](int i) { emit filterChanged(ReviewFilter(i)); });
    m_progress = new QLabel(this);
    m_progress->setObjectName(QStringLiteral("progress"));

    auto* form = new QFormLayout;
    form->addRow(tr("Show:"), m_filter);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_details);
    layout->addWidget(m_state);
    layout->addLayout(buttons);
    layout->addWidget(m_note);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addStretch(1);

    AnnotationStore* store = m_project->annotations();
    connect(store, &AnnotationStore::changed, this, [this](const QString& path) {
        if (path == m_path)
            refresh();
        else
            refreshProgressOnly();
    });
    connect(store, &AnnotationStore::reset, this, &AnnotationPanel::refresh);
    connect(m_project, &Project::resultsChanged, this, &AnnotationPanel::refresh);
    // While a dataset is being scored, the image on show gets its score as the list does.
    connect(m_project, &Project::resultChanged, this, [this](const utad::ImageResult& result) {
        if (QString::fromStdString(result.path) == m_path)
            refresh();
    });
    connect(m_project, &Project::thresholdsChanged, this, &AnnotationPanel::refresh);
    refresh();
}

QList<QAction*> AnnotationPanel::reviewActions() const
{
    return {m_falsePositive, m_confirmed, m_missed, m_clear, m_accept, m_drawMask, m_next};
}

ReviewFilter AnnotationPanel::filter() const { return ReviewFilter(m_filter->currentIndex()); }
void AnnotationPanel::setFilter(ReviewFilter filter) { m_filter->setCurrentIndex(int(filter)); }

QString AnnotationPanel::detailsText() const { return m_details->text(); }

QString AnnotationPanel::stateText() const { return m_state->text(); }

void AnnotationPanel::setImagePath(const QString& path)
{
    if (path == m_path)
        return;
    commitNote();  // a note being typed belongs to the image it was typed on
    m_path = path;
    m_note->setModified(false);
    refresh();
}

void AnnotationPanel::mark(Mark mark)
{
    if (!m_path.isEmpty())
        m_project->annotations()->setMark(m_path, mark);
}

void AnnotationPanel::commitNote()
{
    if (m_path.isEmpty() || !m_note->isEnabled())
        return;
    m_project->annotations()->setNote(m_path, m_note->text().trimmed());
    m_note->setModified(false);
}

void AnnotationPanel::refreshProgressOnly()
{
    const auto& results = m_project->results();
    long reviewed = 0;
    for (const QString& p : m_project->annotations()->annotatedPaths())
        reviewed += isReviewed(m_project->annotations()->annotation(p)) ? 1 : 0;
    m_progress->setText(results.empty() ? QString() : tr("Reviewed %1 of %2 images").arg(reviewed).arg(results.size()));
}

void AnnotationPanel::refresh()
{
    const bool has = !m_path.isEmpty();
    for (QAction* a : reviewActions())
        if (a != m_next)
            a->setEnabled(has);
    m_note->setEnabled(has);
    refreshProgressOnly();
    if (!has) {
        m_title->setText(tr("No image selected"));
        m_details->clear();
        m_state->clear();
        m_note->clear();
        return;
    }
    m_title->setText(QFileInfo(m_path).fileName());
    m_title->setToolTip(m_path);
    const int i = m_project->indexOf(m_path);
    const utad::ImageResult* r = i >= 0 ? &m_project->results()[size_t(i)] : nullptr;
    const bool scored = r && r->error.empty() && std::isfinite(r->score);
    const int decision = scored ? int(m_project->decide(r->score)) : -1;
    m_details->setText(scored ? tr("Score %1 · model says %2 · truth: %3")
                                    .arg(localNumber(r->score))
                                    .arg(decisionName(decision), labelDisplayName(r->label))
                              : tr("Not scored"));
    const Annotation a = m_project->annotations()->annotation(m_path);
    QStringList state;
    if (a.mark != Mark::None)
        state << markSummary(a.mark, decision);
    else if (a.reviewed)
        state << tr("Reviewed, decision OK");
    else
        state << tr("Unreviewed");
    if (!a.maskFile.isEmpty())
        state << tr("defect drawn");
    m_state->setText(state.join(QStringLiteral(" · ")));
    // Text being typed (not yet committed) is not overwritten by unrelated refreshes.
    if (!(m_note->hasFocus() && m_note->isModified()))
        m_note->setText(a.note);
}

}  // namespace utad::ui
