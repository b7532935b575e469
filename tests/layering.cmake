# The layering of docs/architecture.md, checked on the sources (run by ctest as tst_layering):
#   db/      includes only db/ headers, and no Qt Gui, Widgets or Charts header
#   models/  includes only models/ and db/ headers, and no Widgets or Charts header
#   views/export/ (the headless exporters) includes only its own, models/ and db/ headers
#   views/   includes views/, views/export/, models/ and db/ headers, but no repository (views/
#            outside views/export/ read records through models/); app/ and bench/ may include
#            anything, except that app/*Command.cpp includes no views/ header outside views/export/
#   db/sqlite/ (the SQLite backend) includes only its own and db/ headers
#   no SQL and no sqlite3_* call outside db/, and no sqlite3_* call in db/ outside db/sqlite/
#   (Database.cpp still reads SQLite's result codes to name damage and busy files); db/sqlite/
#   headers are included only by db/sqlite/, Database.cpp, RawQuery.cpp and StorageBackend.cpp
# Fails naming every file and line that breaks a rule.
#
# cmake -DROOT=<source dir> -DWIDGETS_INCLUDES=<Qt6::Widgets include dirs> -DCHARTS_INCLUDES=<…>
#       -DGUI_INCLUDES=<…> -P layering.cmake

cmake_policy(SET CMP0007 NEW)
set(violations "")

# The Qt module folder (QtWidgets, QtCharts, QtGui) among a target's include directories.
function(module_dir dirs module out)
    set(found "")
    foreach(dir IN LISTS dirs)
        if(dir MATCHES "/${module}$")
            set(found "${dir}")
        endif()
    endforeach()
    set(${out} "${found}" PARENT_SCOPE)
endfunction()

module_dir("${WIDGETS_INCLUDES}" QtWidgets widgets_dir)
module_dir("${CHARTS_INCLUDES}" QtCharts charts_dir)
module_dir("${GUI_INCLUDES}" QtGui gui_dir)
if(NOT widgets_dir OR NOT charts_dir OR NOT gui_dir)
    message(FATAL_ERROR "layering: the Qt include folders were not found (${WIDGETS_INCLUDES})")
endif()

# check(folder, allowed folders for quoted includes, forbidden Qt module folders [, file pattern])
function(check folder allowed forbidden)
    set(pattern "*")
    if(ARGC GREATER 3)
        set(pattern "${ARGV3}")
    endif()
    file(GLOB sources "${ROOT}/${folder}/${pattern}.cpp" "${ROOT}/${folder}/${pattern}.h")
    set(found "")
    foreach(source IN LISTS sources)
        file(STRINGS "${source}" lines)
        set(number 0)
        foreach(line IN LISTS lines)
            math(EXPR number "${number} + 1")
            if(line MATCHES "^[ \t]*#[ \t]*include[ \t]*\"([^\"]+)\"")
                set(header "${CMAKE_MATCH_1}")
                set(ok FALSE)
                foreach(dir IN LISTS allowed)
                    if(EXISTS "${ROOT}/${dir}/${header}")
                        set(ok TRUE)
                    endif()
                endforeach()
                if(NOT ok AND NOT header MATCHES "\\.moc$|^ui_|_autogen")
                    list(APPEND found "${source}:${number}: ${folder}/ may not include \"${header}\"")
                endif()
            elseif(line MATCHES "^[ \t]*#[ \t]*include[ \t]*<([^>]+)>")
                set(header "${CMAKE_MATCH_1}")
                foreach(module_dir IN LISTS forbidden)
                    get_filename_component(module "${module_dir}" NAME)
                    if(EXISTS "${module_dir}/${header}" OR header MATCHES "^${module}/")
                        list(APPEND found "${source}:${number}: ${folder}/ may not include <${header}> (${module})")
                    endif()
                endforeach()
            endif()
            if(folder STREQUAL "views" AND line MATCHES "^[ \t]*#[ \t]*include[ \t]*\"[A-Za-z]*(Repository|RecordStore)\\.h\"")
                list(APPEND found "${source}:${number}: views/ reads records through models/, not a repository")
            endif()
            # Outside the backend, only the gateway (Database), RawQuery (the streaming reader it
            # implements with SqliteStatement) and StorageBackend::of() know the SQLite backend.
            if(NOT folder MATCHES "^db/sqlite" AND line MATCHES "^[ \t]*#[ \t]*include[ \t]*\"sqlite/"
               AND NOT source MATCHES "/db/(Database|RawQuery|StorageBackend)\\.cpp$")
                list(APPEND found "${source}:${number}: only the storage backend includes db/sqlite/ headers")
            endif()
            if(folder STREQUAL "db")
                if(line MATCHES "sqlite3_[a-z0-9_]+[ \t]*\\(")
                    list(APPEND found "${source}:${number}: SQLite's C API outside db/sqlite/")
                endif()
            elseif(NOT folder MATCHES "^db/")
                if(line MATCHES "sqlite3_|QSqlQuery|QSqlDatabase|\"(SELECT|INSERT|UPDATE|DELETE|CREATE|PRAGMA) ")
                    list(APPEND found "${source}:${number}: SQL outside db/")
                endif()
            endif()
        endforeach()
    endforeach()
    set(violations "${violations};${found}" PARENT_SCOPE)
endfunction()

check(db "db" "${gui_dir};${widgets_dir};${charts_dir}")
check(db/sqlite "db/sqlite;db" "${gui_dir};${widgets_dir};${charts_dir}")
check(models "models;db" "${widgets_dir};${charts_dir}")
check(views/export "views/export;models;db" "")
check(views "views;views/export;models;db" "")
check(app "app;views;views/export;models;db" "")
# The headless commands reach the exporters, never the window.
check(app "app;views/export;models;db" "" "*Command")

list(REMOVE_ITEM violations "")
list(LENGTH violations count)
if(count GREATER 0)
    list(JOIN violations "\n" text)
    message(FATAL_ERROR "layering: ${count} forbidden include(s) or SQL outside db/:\n${text}")
endif()
message(STATUS "layering: db/, db/sqlite/, models/, views/ and app/ keep to their layers")
