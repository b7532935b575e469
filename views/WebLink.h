#pragma once

class QUrl;

/// The one gate through which the interface opens an address in the system browser: only web
/// addresses (http and https, with a host) are opened; a javascript:, file:, data: or
/// scheme-less address is not (sources may come from imported files).
namespace WebLink {

bool isWeb(const QUrl &url);
/// Opens `url` in the system browser when isWeb(); false (and nothing opened) otherwise.
bool open(const QUrl &url);

} // namespace WebLink
