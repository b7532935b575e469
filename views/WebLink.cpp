#include "WebLink.h"

#include <QDesktopServices>
#include <QUrl>

namespace WebLink {

bool isWeb(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    return url.isValid() && (scheme == QLatin1String("http") || scheme == QLatin1String("https"))
           && !url.host().isEmpty();
}

bool open(const QUrl &url)
{
    return isWeb(url) && QDesktopServices::openUrl(url);
}

} // namespace WebLink
