#include "ExportDialog.h"

#include "ChartTheme.h"
#include "ExportFile.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

ExportDialog::ExportDialog(
    const QString &objectName, const QString &title, const QString &missingName, QWidget *parent)
    : QDialog(parent)
    , m_missingName(missingName)
{
    setWindowTitle(title);
    setObjectName(objectName);
}

QString ExportDialog::path() const
{
    return m_path->text().trimmed();
}

void ExportDialog::setProblem(const QString &problem)
{
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
}

void ExportDialog::accept()
{
    const QFileInfo info(path());
    if (info.fileName().isEmpty() || info.isDir()) {
        setProblem(m_missingName);
        return;
    }
    QString problem;
    if (!ExportFile::confirmTarget(this, info.absoluteFilePath(), &problem)) {
        if (!problem.isEmpty())
            setProblem(problem);
        return;
    }
    setProblem({});
    QDialog::accept();
}

void ExportDialog::addPathRow(QFormLayout *form, const QString &label, const QString &start,
    const QString &browseText, const std::function<QString()> &filter)
{
    m_path = new QLineEdit(this);
    m_path->setObjectName(QStringLiteral("path"));
    m_path->setText(start);
    auto *browse = new QPushButton(browseText, this);
    connect(browse, &QPushButton::clicked, this, [this, filter] {
        const QString chosen = QFileDialog::getSaveFileName(this, windowTitle(), path(), filter());
        if (!chosen.isEmpty())
            m_path->setText(chosen);
    });
    auto *row = new QHBoxLayout;
    row->addWidget(m_path, 1);
    row->addWidget(browse);
    auto *rowLabel = new QLabel(label, this);
    rowLabel->setBuddy(m_path);
    form->addRow(rowLabel, row);
}

void ExportDialog::finishLayout(QFormLayout *form)
{
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("problem"));
    m_problem->setWordWrap(true);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem->setStyleSheet(
        ChartTheme::fromSystem().dark ? QStringLiteral("color: #ff8a80") : QStringLiteral("color: #b00020"));
    m_problem->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &ExportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
}
