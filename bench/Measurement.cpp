#include "Measurement.h"

#include "JsonFile.h"
#include "MemoryProbe.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

double Measurement::median() const
{
    if (samplesMs.isEmpty())
        return 0;
    QList<double> sorted = samplesMs;
    std::sort(sorted.begin(), sorted.end());
    const qsizetype n = sorted.size();
    return n % 2 ? sorted.at(n / 2) : (sorted.at(n / 2 - 1) + sorted.at(n / 2)) / 2;
}

double Measurement::min() const
{
    return samplesMs.isEmpty() ? 0 : *std::min_element(samplesMs.cbegin(), samplesMs.cend());
}

double Measurement::max() const
{
    return samplesMs.isEmpty() ? 0 : *std::max_element(samplesMs.cbegin(), samplesMs.cend());
}

QJsonObject Measurement::toJson() const
{
    QJsonArray samples;
    for (double s : samplesMs)
        samples.append(s);
    return { { QStringLiteral("id"), id }, { QStringLiteral("label"), label },
        { QStringLiteral("samplesMs"), samples }, { QStringLiteral("peakRssKb"), peakRssKb },
        { QStringLiteral("note"), note }, { QStringLiteral("unavailable"), unavailable } };
}

Measurement Measurement::fromJson(const QJsonObject &object)
{
    Measurement m;
    m.id = object.value(QStringLiteral("id")).toString();
    m.label = object.value(QStringLiteral("label")).toString();
    const QJsonArray samples = object.value(QStringLiteral("samplesMs")).toArray();
    for (const QJsonValue &s : samples)
        m.samplesMs.append(s.toDouble());
    m.peakRssKb = object.value(QStringLiteral("peakRssKb")).toInteger();
    m.note = object.value(QStringLiteral("note")).toString();
    m.unavailable = object.value(QStringLiteral("unavailable")).toString();
    return m;
}

bool Measurement::writeFile(const QString &path, const QList<Measurement> &measurements, QString *error)
{
    QJsonArray array;
    for (const Measurement &m : measurements)
        array.append(m.toJson());
    return JsonFile::write(path, QJsonDocument(array), error);
}

QList<Measurement> Measurement::readFile(const QString &path, QString *error)
{
    QList<Measurement> result;
    QByteArray bytes;
    if (!JsonFile::read(path, &bytes, error))
        return result;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isArray()) {
        *error = QStringLiteral("%1: not a list of measurements (%2)").arg(path, parseError.errorString());
        return result;
    }
    const QJsonArray array = document.array();
    for (const QJsonValue &value : array)
        result.append(fromJson(value.toObject()));
    return result;
}

namespace {

// repeat() and collect(): each run after `setup` (when set), which stays out of the peak memory
// and the time; `body` reports the milliseconds of one run in *ms.
Measurement runAndRecord(const QString &id, const QString &label, int repetitions,
    const std::function<void()> &setup, const std::function<bool(double *, QString *)> &body)
{
    Measurement m;
    m.id = id;
    m.label = label;
    for (int r = 0; r < repetitions; ++r) {
        if (setup)
            setup();
        MemoryProbe::resetPeak();
        QString error;
        double ms = 0;
        const bool ok = body(&ms, &error);
        m.peakRssKb = std::max(m.peakRssKb, MemoryProbe::peakKb());
        if (!ok) {
            m.samplesMs.clear();
            m.unavailable = error.isEmpty() ? QStringLiteral("failed") : error;
            return m;
        }
        m.samplesMs.append(ms);
    }
    return m;
}

} // namespace

Measurement Measurement::repeat(const QString &id, const QString &label, int repetitions,
    const std::function<void()> &setup, const std::function<bool(QString *)> &body)
{
    return runAndRecord(id, label, repetitions, setup, [&body](double *ms, QString *error) {
        QElapsedTimer timer;
        timer.start();
        const bool ok = body(error);
        *ms = double(timer.nsecsElapsed()) / 1e6;
        return ok;
    });
}

Measurement Measurement::collect(const QString &id, const QString &label, int repetitions,
    const std::function<bool(double *, QString *)> &body)
{
    return runAndRecord(id, label, repetitions, {}, body);
}
