/**
 * The fish completion script, ours rather than the library's: candidates
 * are printed as data (fish quotes what it inserts), those holding a control
 * character are skipped, the program is given up on after 3 seconds, and
 * file names are offered only where the program says a file is expected.
 */
export const fishCompletionScript = `# fish completion for sanctum-config (sanctum-config completion fish)
function __sanctum_config_complete
    set -l args (commandline -opc)
    set -e args[1]
    set -l cur (commandline -ct)
    set -l out
    if command -q timeout
        set out (timeout 3 sanctum-config complete -- $args "$cur" 2>/dev/null)
    else
        set out (sanctum-config complete -- $args "$cur" 2>/dev/null)
    end
    # --category=ap: fish matches the whole word, so each value carries the option.
    set -l option (string match -r -- '^-[^=]*=' "$cur")
    set -l directive 4
    set -l offered 0
    for line in $out
        if string match -qr -- '^:[0-9]+$' $line
            set directive (string sub -s 2 -- $line)
            continue
        end
        set -l value (string split -m 1 \\t -- $line)[1]
        if test -z "$value"; or string match -qr -- '[[:cntrl:]]' $value
            continue
        end
        printf '%s%s\\n' "$option" (string replace -ra -- '[^\\P{Cc}\\t]' ' ' $line)
        set offered 1
    end
    if test $offered = 0; and test "$directive" = 0
        __fish_complete_path "$cur"
    end
end
complete -c sanctum-config -e
complete -c sanctum-config -f -a '(__sanctum_config_complete)'
`;
