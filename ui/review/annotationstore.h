#pragma once
// Review marks per image, each edit one QUndoCommand on the document's undo stack. The store
// announces every change so the document can save it at once.
#include <QHash>
#include <QImage>
#include <QJsonObject>
#include <QObject>
#include <QString>

class QUndoStack;

namespace utad::ui {

enum class Mark { None, FalsePositive, ConfirmedDefect, MissedDefect };

struct Annotation {
    Mark mark = Mark::None;
    QString note;
    QString maskFile;  // PNG (file name relative to the project's data dir) drawn by the user; empty when none
    bool reviewed = false;
    bool isEmpty() const { return mark == Mark::None && note.isEmpty() && maskFile.isEmpty() && !reviewed; }
};

class AnnotationStore : public QObject {
    Q_OBJECT
public:
    // Edits go on `undoStack` (shared with the rest of the document); a store of its own when null.
    explicit AnnotationStore(QUndoStack* undoStack = nullptr, QObject* parent = nullptr);
    ~AnnotationStore() override;

    QUndoStack* undoStack() const;
    Annotation annotation(const QString& imagePath) const;
    QList<QString> annotatedPaths() const;

    // User edits: each pushes one undo command.
    void setMark(const QString& imagePath, Mark mark);
    void setNote(const QString& imagePath, const QString& note);
    void setMask(const QString& imagePath, const QImage& mask);  // stored as a PNG in dataDir
    void setReviewed(const QString& imagePath, bool reviewed);

    void setDataDir(const QString& dir);  // where mask PNGs live
    // Image paths inside this folder are saved relative to it, so a project moved together with
    // its dataset keeps its marks.
    void setDatasetDir(const QString& dir);
    QString dataDir() const;
    QString maskPath(const QString& imagePath) const;  // absolute path of the image's mask PNG; empty when none
    QImage mask(const QString& imagePath) const;  // Grayscale8, null when none or unreadable
    QString lastError() const;  // of the last failed mask write
    QJsonObject toJson() const;
    void fromJson(const QJsonObject& json);  // replaces everything

signals:
    void changed(const QString& imagePath);  // after any edit, undo or redo
    void reset();  // fromJson replaced everything
    void writeFailed(const QString& message);  // a mask could not be written; the edit is dropped

private:
    friend class AnnotationCommand;
    void replace(const QString& imagePath, const Annotation& annotation);  // applies an undo step
    struct Data;
    Data* d;
};

QString markName(Mark mark);

}  // namespace utad::ui
