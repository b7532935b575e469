#pragma once
// Shared by the libFuzzer targets in tests/fuzz: a Qt application object for the process, a
// device that hands its bytes out a few at a time (chunk boundaries everywhere), and a check
// that aborts, so that libFuzzer saves the input.

#include <QByteArray>
#include <QCoreApplication>
#include <QIODevice>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <utility>

// A broken invariant is a finding like a crash: print it and abort (libFuzzer then writes the
// input to its artifact prefix).
#define FUZZ_CHECK(condition, ...)                                                                  \
    do {                                                                                            \
        if (!(condition)) {                                                                         \
            std::fprintf(stderr, "%s:%d: check failed: %s: ", __FILE__, __LINE__, #condition);    \
            std::fprintf(stderr, __VA_ARGS__);                                                      \
            std::fputc('\n', stderr);                                                               \
            std::abort();                                                                           \
        }                                                                                           \
    } while (false)

namespace fuzz {

// QCoreApplication::translate, QSqlDatabase's plugin and Qt resources want an application
// object; libFuzzer's argc and argv live as long as the process.
inline void initApplication(int *argc, char ***argv)
{
    static QCoreApplication app(*argc, *argv);
}

// A sequential, unbuffered device over a byte array that returns at most a few bytes per read
// (1 to maxStep, varying from read to read), like a slow pipe: every record and every multi-byte
// character ends up cut by a read somewhere.
class TrickleDevice : public QIODevice
{
public:
    TrickleDevice(QByteArray data, int maxStep) : m_data(std::move(data)), m_maxStep(maxStep < 1 ? 1 : maxStep)
    {
        QIODevice::open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    }
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override { return (m_data.size() - m_pos) + QIODevice::bytesAvailable(); }
    bool atEnd() const override { return m_pos >= m_data.size() && QIODevice::bytesAvailable() == 0; }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 step = 1 + (m_reads++ * 7) % m_maxStep;
        const qint64 n = qMin(qMin(maxSize, step), qint64(m_data.size() - m_pos));
        if (n > 0)
            std::memcpy(data, m_data.constData() + m_pos, size_t(n));
        m_pos += n;
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qsizetype m_pos = 0;
    int m_maxStep;
    qint64 m_reads = 0;
};

} // namespace fuzz
