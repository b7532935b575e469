# tst_package: the Debian package of resources/package, built and taken apart (run by ctest).
#   builds the .deb with cpack into a temporary folder and unpacks it with dpkg-deb;
#   checks every installed file is where it belongs and the control fields name the plugins;
#   desktop-file-validate and appstreamcli validate --no-net must pass;
#   the unpacked binary prints the version;
#   every command and option of 'fundscope COMMAND --help' is in the man page and is offered by
#   the bash completion for that command, so the three cannot drift apart.
# A missing tool fails the test: a skipped check would pass a broken package.
#
# cmake -DBINARY_DIR=<build dir> -DCPACK=<cpack> -DVERSION=<project version> -P package.cmake

cmake_minimum_required(VERSION 3.25)
set(app_id io.github.fundscope.fundscope)
string(RANDOM LENGTH 8 suffix)
set(tmp "/tmp/fundscope-tst_package-${suffix}")
if(DEFINED ENV{TMPDIR} AND IS_DIRECTORY "$ENV{TMPDIR}")
    set(tmp "$ENV{TMPDIR}/fundscope-tst_package-${suffix}")
endif()
set(problems "")

function(fail message)
    file(REMOVE_RECURSE "${tmp}")
    message(FATAL_ERROR "package: ${message}")
endfunction()

# problem(text): a finding; the test goes on to report every one, then fails.
function(problem text)
    set(problems "${problems};${text}" PARENT_SCOPE)
endfunction()

# run(out_var command...): runs it, fails the test when it exits non-zero; out_var gets stdout+stderr.
function(run out)
    execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE text ERROR_VARIABLE text)
    if(NOT rc EQUAL 0)
        list(JOIN ARGN " " command)
        fail("'${command}' failed (${rc}):\n${text}")
    endif()
    set(${out} "${text}" PARENT_SCOPE)
endfunction()

foreach(tool dpkg-deb desktop-file-validate appstreamcli gzip bash)
    string(MAKE_C_IDENTIFIER "${tool}" var)
    find_program(${var} ${tool})
    if(NOT ${var})
        fail("${tool} not found; scripts/lib.sh lists the packages to install")
    endif()
endforeach()
if(NOT EXISTS "${CPACK}")
    fail("cpack not found at '${CPACK}'")
endif()

# The package, as scripts/package builds it, but into the temporary folder.
run(out "${CPACK}" -G DEB --config "${BINARY_DIR}/CPackConfig.cmake" -B "${tmp}/out")
file(GLOB debs "${tmp}/out/fundscope_*.deb")
list(LENGTH debs count)
if(NOT count EQUAL 1)
    fail("cpack made ${count} fundscope_*.deb files:\n${out}")
endif()
get_filename_component(deb_name "${debs}" NAME)
if(NOT deb_name MATCHES "^fundscope_${VERSION}_[a-z0-9]+\\.deb$")
    problem("the package is named ${deb_name}, not fundscope_${VERSION}_<arch>.deb")
endif()
set(root "${tmp}/root")
run(out "${dpkg_deb}" -x "${debs}" "${root}")

# Control fields: shlibdeps found the libraries; the plugins and extras are named by hand.
run(control "${dpkg_deb}" -f "${debs}" Package Version Depends Recommends Suggests Section Maintainer Homepage Description)
foreach(expected "Package: fundscope" "Version: ${VERSION}" "Depends: .*libqt6core6" "Depends: .*libqt6sql6-sqlite"
        "Recommends: .*fonts-noto-cjk" "Recommends: .*qt6-translations-l10n" "Suggests: .*libqt6sql6-psql"
        "Section: " "Maintainer: " "Homepage: " "Description: ")
    if(NOT control MATCHES "${expected}")
        problem("the control fields lack '${expected}':\n${control}")
    endif()
endforeach()

# Every file where it belongs.
set(bin "${root}/usr/bin/fundscope")
set(desktop "${root}/usr/share/applications/${app_id}.desktop")
set(metainfo "${root}/usr/share/metainfo/${app_id}.metainfo.xml")
set(man "${root}/usr/share/man/man1/fundscope.1.gz")
set(completion "${root}/usr/share/bash-completion/completions/fundscope")
foreach(file "${bin}" "${desktop}" "${metainfo}" "${man}" "${completion}"
        "${root}/usr/share/icons/hicolor/scalable/apps/${app_id}.svg"
        "${root}/usr/share/doc/fundscope/copyright")
    if(NOT EXISTS "${file}")
        string(REPLACE "${root}" "" path "${file}")
        problem("the package has no ${path}")
    endif()
endforeach()
foreach(size 48 256)
    set(png "${root}/usr/share/icons/hicolor/${size}x${size}/apps/${app_id}.png")
    if(NOT EXISTS "${png}")
        problem("the package has no /usr/share/icons/hicolor/${size}x${size}/apps/${app_id}.png")
        continue()
    endif()
    # The PNG header's IHDR holds width and height as 32-bit big-endian numbers at byte 16.
    file(READ "${png}" header OFFSET 16 LIMIT 8 HEX)
    math(EXPR expected "${size}" OUTPUT_FORMAT HEXADECIMAL)
    string(REGEX REPLACE "^0x" "" expected "${expected}")
    string(LENGTH "${expected}" length)
    math(EXPR zeros "8 - ${length}")
    string(REPEAT "0" ${zeros} pad)
    if(NOT header STREQUAL "${pad}${expected}${pad}${expected}")
        problem("the ${size}x${size} icon is not ${size} by ${size} pixels (IHDR ${header})")
    endif()
endforeach()
if(problems)
    list(JOIN problems "\n" text)
    fail("${text}")
endif()

run(out "${desktop_file_validate}" "${desktop}")
if(NOT out STREQUAL "")
    problem("desktop-file-validate has remarks:\n${out}")
endif()
run(out "${appstreamcli}" validate --no-net "${metainfo}")

# The binary runs from the package. The help is parsed, so it must be the English one.
set(ENV{LC_ALL} C.UTF-8)
set(ENV{LANGUAGE} "")
set(ENV{QT_QPA_PLATFORM} offscreen)
run(out "${bin}" --version)
if(NOT out MATCHES "Fundscope ${VERSION}")
    problem("'fundscope --version' prints '${out}', not the version ${VERSION}")
endif()

# help_options(out_var text): the options of a --help text: on each option line
# ("  -v, --version  Displays…"), the dashed words before the two spaces that start the description.
function(help_options out text)
    string(REPLACE ";" "," text "${text}")
    string(REPLACE "\n" ";" lines "${text}")
    set(found "")
    foreach(line IN LISTS lines)
        if(line MATCHES "^  (-[^ ]([^ ]| [^ ])*)")
            string(REGEX MATCHALL "--?[A-Za-z][-A-Za-z]*" names "${CMAKE_MATCH_1}")
            list(APPEND found ${names})
        endif()
    endforeach()
    set(${out} "${found}" PARENT_SCOPE)
endfunction()

# completion(out_var current words...): what the completion offers for the word being typed,
# `current`, after `fundscope words...`: bash runs _fundscope as it would on Tab. (`current` goes
# as "typed=…": CMake drops an empty argument.)
file(WRITE "${tmp}/complete.sh" [[
source "$1"
current=${2#typed=}
shift 2
COMP_WORDS=("$@" "$current")
COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
_fundscope
printf '%s\n' "${COMPREPLY[@]}"
]])
function(completion out current)
    run(offered "${bash}" "${tmp}/complete.sh" "${completion}" "typed=${current}" fundscope ${ARGN})
    string(REPLACE "\n" ";" offered "${offered}")
    set(${out} "${offered}" PARENT_SCOPE)
endfunction()

execute_process(COMMAND "${gzip}" -dc "${man}" OUTPUT_VARIABLE man_text RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    fail("${man} is not gzip")
endif()
# In roff a dash is written \- ; the words readers see have plain ones.
string(REPLACE "\\-" "-" man_text " ${man_text} ")

# The commands, from the top-level help's "Commands" block.
run(top_help "${bin}" --help)
string(REPLACE "\n" ";" lines "${top_help}")
set(commands "")
set(in_commands FALSE)
foreach(line IN LISTS lines)
    if(line MATCHES "^Commands")
        set(in_commands TRUE)
    elseif(line MATCHES "^Options:")
        set(in_commands FALSE)
    elseif(in_commands AND line MATCHES "^  ([a-z][-a-z]*)  ")
        list(APPEND commands "${CMAKE_MATCH_1}")
    endif()
endforeach()
list(LENGTH commands count)
if(count LESS 8)
    fail("'fundscope --help' lists ${count} commands (${commands}); the parsing here no longer fits it:\n${top_help}")
endif()

completion(offered "")
help_options(top_options "${top_help}")
foreach(command IN LISTS commands)
    if(NOT man_text MATCHES "\n\\.SS \"fundscope ${command}[ \"]")
        problem("the man page has no section '.SS \"fundscope ${command} …\"'")
    endif()
    if(NOT command IN_LIST offered)
        problem("the bash completion does not offer the command ${command} (it offers: ${offered})")
    endif()
endforeach()

# check_options(command options…): each option is in the man page and offered after COMMAND.
function(check_options command)
    if(command STREQUAL "")
        completion(offered -)
        set(where "fundscope")
    else()
        completion(offered - ${command})
        set(where "fundscope ${command}")
    endif()
    foreach(option IN LISTS ARGN)
        if(NOT man_text MATCHES "[^-A-Za-z0-9]${option}[^-A-Za-z0-9]")
            problem("the man page does not mention ${option} (${where} --help has it)")
        endif()
        if(NOT option IN_LIST offered)
            problem("the bash completion does not offer ${option} after '${where}'")
        endif()
    endforeach()
    set(problems "${problems}" PARENT_SCOPE)
endfunction()

check_options("" ${top_options})
foreach(command IN LISTS commands)
    run(help "${bin}" ${command} --help)
    help_options(options "${help}")
    if(NOT "--help" IN_LIST options)
        fail("'fundscope ${command} --help' lists no options the parsing here can see:\n${help}")
    endif()
    check_options(${command} ${options})
endforeach()

file(REMOVE_RECURSE "${tmp}")
list(REMOVE_ITEM problems "")
if(problems)
    list(JOIN problems "\n" text)
    message(FATAL_ERROR "package: ${text}")
endif()
list(LENGTH commands count)
message(STATUS "package: ${deb_name} installs every file, validates, and its man page and "
    "completion cover the ${count} commands and their options")
