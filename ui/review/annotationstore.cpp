#include "ui/review/annotationstore.h"

#include "ui/format.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QSaveFile>
#include <QUndoCommand>
#include <QUndoStack>
#include <algorithm>

namespace utad::ui {
namespace {

// Stable keys in the project file; display names come from markName().
QString markKey(Mark mark)
{
    switch (mark) {
    case Mark::FalsePositive: return QStringLiteral("false-positive");
    case Mark::ConfirmedDefect: return QStringLiteral("confirmed-defect");
    case Mark::MissedDefect: return QStringLiteral("missed-defect");
    case Mark::None: break;
    }
    return QStringLiteral("none");
}

Mark markFromKey(const QString& key)
{
    for (Mark m : {Mark::FalsePositive, Mark::ConfirmedDefect, Mark::MissedDefect})
        if (key == markKey(m))
            return m;
    return Mark::None;
}

enum CommandId { MarkCommandId = 1, NoteCommandId, MaskCommandId, ReviewedCommandId };

}  // namespace

struct AnnotationStore::Data {
    QHash<QString, Annotation> annotations;
    QUndoStack* undoStack = nullptr;
    QString dataDir;
    QString datasetDir;
    QString lastError;

    void put(const QString& path, const Annotation& a)
    {
        if (a.isEmpty())
            annotations.remove(path);
        else
            annotations.insert(path, a);
    }
};

// Every edit replaces one image's annotation; undo restores the previous one. The subclasses
// differ in their text and in which successive edits merge into one undo step.
class AnnotationCommand : public QUndoCommand {
public:
    AnnotationCommand(AnnotationStore* store, const QString& path, const Annotation& after, const QString& text)
        : QUndoCommand(text), m_store(store), m_path(path), m_before(store->annotation(path)), m_after(after)
    {
    }
    void redo() override { apply(m_after); }
    void undo() override { apply(m_before); }

protected:
    void apply(const Annotation& a);
    AnnotationStore* m_store;
    QString m_path;
    Annotation m_before, m_after;
};

class SetMarkCommand : public AnnotationCommand {
public:
    SetMarkCommand(AnnotationStore* store, const QString& path, Mark mark)
        : AnnotationCommand(store, path, withMark(store->annotation(path), mark),
            AnnotationStore::tr("Mark %1 as %2").arg(QFileInfo(path).fileName(), markName(mark)))
    {
    }
    int id() const override { return MarkCommandId; }

private:
    static Annotation withMark(Annotation a, Mark mark)
    {
        a.mark = mark;
        if (mark != Mark::None)
            a.reviewed = true;  // marking an image is reviewing it
        return a;
    }
};

class SetNoteCommand : public AnnotationCommand {
public:
    SetNoteCommand(AnnotationStore* store, const QString& path, const QString& note)
        : AnnotationCommand(store, path, withNote(store->annotation(path), note),
            AnnotationStore::tr("Note on %1").arg(QFileInfo(path).fileName()))
    {
    }
    int id() const override { return NoteCommandId; }
    // Typing a note is one undo step per image, not one per keystroke.
    bool mergeWith(const QUndoCommand* other) override
    {
        const auto* next = static_cast<const SetNoteCommand*>(other);
        if (next->m_path != m_path)
            return false;
        m_after = next->m_after;
        return true;
    }

private:
    static Annotation withNote(Annotation a, const QString& note)
    {
        a.note = note;
        return a;
    }
};

class SetMaskCommand : public AnnotationCommand {
public:
    SetMaskCommand(AnnotationStore* store, const QString& path, const QString& maskFile)
        : AnnotationCommand(store, path, withMask(store->annotation(path), maskFile),
            maskFile.isEmpty() ? AnnotationStore::tr("Remove mask of %1").arg(QFileInfo(path).fileName())
                               : AnnotationStore::tr("Draw mask on %1").arg(QFileInfo(path).fileName()))
    {
    }
    int id() const override { return MaskCommandId; }

private:
    static Annotation withMask(Annotation a, const QString& maskFile)
    {
        a.maskFile = maskFile;
        if (!maskFile.isEmpty())
            a.reviewed = true;
        return a;
    }
};

class SetReviewedCommand : public AnnotationCommand {
public:
    SetReviewedCommand(AnnotationStore* store, const QString& path, bool reviewed)
        : AnnotationCommand(store, path, withReviewed(store->annotation(path), reviewed),
            reviewed ? AnnotationStore::tr("Mark %1 reviewed").arg(QFileInfo(path).fileName())
                     : AnnotationStore::tr("Mark %1 unreviewed").arg(QFileInfo(path).fileName()))
    {
    }
    int id() const override { return ReviewedCommandId; }

private:
    static Annotation withReviewed(Annotation a, bool reviewed)
    {
        a.reviewed = reviewed;
        return a;
    }
};

void AnnotationCommand::apply(const Annotation& a) { m_store->replace(m_path, a); }

AnnotationStore::AnnotationStore(QUndoStack* undoStack, QObject* parent) : QObject(parent), d(new Data)
{
    d->undoStack = undoStack ? undoStack : new QUndoStack(this);
}

AnnotationStore::~AnnotationStore() { delete d; }

QUndoStack* AnnotationStore::undoStack() const { return d->undoStack; }

Annotation AnnotationStore::annotation(const QString& imagePath) const { return d->annotations.value(imagePath); }

QList<QString> AnnotationStore::annotatedPaths() const
{
    QList<QString> paths = d->annotations.keys();
    std::sort(paths.begin(), paths.end());
    return paths;
}

void AnnotationStore::replace(const QString& imagePath, const Annotation& annotation)
{
    d->put(imagePath, annotation);
    emit changed(imagePath);
}

void AnnotationStore::setMark(const QString& imagePath, Mark mark)
{
    if (annotation(imagePath).mark == mark)
        return;
    d->undoStack->push(new SetMarkCommand(this, imagePath, mark));
}

void AnnotationStore::setNote(const QString& imagePath, const QString& note)
{
    if (annotation(imagePath).note == note)
        return;
    d->undoStack->push(new SetNoteCommand(this, imagePath, note));
}

void AnnotationStore::setMask(const QString& imagePath, const QImage& mask)
{
    if (mask.isNull()) {
        if (!annotation(imagePath).maskFile.isEmpty())
            d->undoStack->push(new SetMaskCommand(this, imagePath, QString()));
        return;
    }
    // A new file per drawing: undo then only has to point back at the previous file.
    const QString name
        = QStringLiteral("masks/%1_%2.png").arg(pathHash(imagePath)).arg(QDateTime::currentMSecsSinceEpoch());
    const QString file = QDir(d->dataDir).filePath(name);
    QDir().mkpath(QFileInfo(file).absolutePath());
    QImage grey = mask.convertToFormat(QImage::Format_Grayscale8);
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly) || !grey.save(&out, "PNG") || !out.commit()) {
        d->lastError = tr("Cannot write the mask %1: %2").arg(file, out.errorString());
        emit writeFailed(d->lastError);
        return;
    }
    d->undoStack->push(new SetMaskCommand(this, imagePath, name));
}

void AnnotationStore::setReviewed(const QString& imagePath, bool reviewed)
{
    if (annotation(imagePath).reviewed == reviewed)
        return;
    d->undoStack->push(new SetReviewedCommand(this, imagePath, reviewed));
}

void AnnotationStore::setDataDir(const QString& dir) { d->dataDir = dir; }
void AnnotationStore::setDatasetDir(const QString& dir) { d->datasetDir = dir; }
QString AnnotationStore::dataDir() const { return d->dataDir; }

QString AnnotationStore::maskPath(const QString& imagePath) const
{
    const QString file = annotation(imagePath).maskFile;
    return file.isEmpty() ? QString() : QDir(d->dataDir).filePath(file);
}

QImage AnnotationStore::mask(const QString& imagePath) const
{
    const QString file = maskPath(imagePath);
    if (file.isEmpty())
        return {};
    QImage image(file);
    return image.isNull() ? QImage() : image.convertToFormat(QImage::Format_Grayscale8);
}

QString AnnotationStore::lastError() const { return d->lastError; }

QJsonObject AnnotationStore::toJson() const
{
    const QString base = d->datasetDir;
    const QDir baseDir(base);
    QJsonArray images;
    for (const QString& path : annotatedPaths()) {
        const Annotation a = d->annotations.value(path);
        QString saved = path;
        if (!base.isEmpty()) {
            const QString relative = baseDir.relativeFilePath(path);
            if (!relative.startsWith(QLatin1String("..")) && QDir::isRelativePath(relative))
                saved = relative;
        }
        QJsonObject o{{QStringLiteral("path"), saved}, {QStringLiteral("mark"), markKey(a.mark)}};
        if (!a.note.isEmpty())
            o[QStringLiteral("note")] = a.note;
        if (!a.maskFile.isEmpty())
            o[QStringLiteral("mask")] = a.maskFile;
        o[QStringLiteral("reviewed")] = a.reviewed;
        images.append(o);
    }
    return QJsonObject{{QStringLiteral("version"), 1}, {QStringLiteral("images"), images}};
}

void AnnotationStore::fromJson(const QJsonObject& json)
{
    d->undoStack->clear();  // the old document's steps
    d->annotations.clear();
    const QString base = d->datasetDir;
    for (const QJsonValue& v : json.value(QStringLiteral("images")).toArray()) {
        const QJsonObject o = v.toObject();
        QString path = o.value(QStringLiteral("path")).toString();
        if (path.isEmpty())
            continue;
        if (QDir::isRelativePath(path) && !base.isEmpty())
            path = QDir::cleanPath(QDir(base).absoluteFilePath(path));
        Annotation a;
        a.mark = markFromKey(o.value(QStringLiteral("mark")).toString());
        a.note = o.value(QStringLiteral("note")).toString();
        a.maskFile = o.value(QStringLiteral("mask")).toString();
        a.reviewed = o.value(QStringLiteral("reviewed")).toBool();
        d->put(path, a);
    }
    // One signal for the whole document, not one save per image.
    emit reset();
}

QString markName(Mark mark)
{
    switch (mark) {
    case Mark::FalsePositive: return AnnotationStore::tr("False positive");
    case Mark::ConfirmedDefect: return AnnotationStore::tr("Confirmed defect");
    case Mark::MissedDefect: return AnnotationStore::tr("Missed defect");
    case Mark::None: break;
    }
    return AnnotationStore::tr("None");
}

}  // namespace utad::ui
