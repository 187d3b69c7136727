/**
 * The zsh completion script, ours rather than the library's: the library's
 * passed candidates to `_describe -Q`, which inserts them unquoted, so a
 * stored key such as `zz$(touch /tmp/x)` landed on the command line ready to
 * run. Here compadd quotes what it inserts, candidates holding a control
 * character are skipped, the program is given up on after 3 seconds, and no
 * file is written.
 */
export const zshCompletionScript = `#compdef sanctum-config
# zsh completion for sanctum-config (sanctum-config completion zsh)
_sanctum_config() {
    local -a args values shown
    local out line value about directive=4
    # The words up to the cursor, unquoted as the program will receive them.
    args=("\${(@Q)words[2,CURRENT]}")
    # --category=ap: complete the value after the =.
    [[ $PREFIX == -*=* ]] && compset -P '*='
    if (( $+commands[timeout] )); then
        out=$(timeout 3 sanctum-config complete -- "\${args[@]}" 2>/dev/null)
    else
        out=$(sanctum-config complete -- "\${args[@]}" 2>/dev/null)
    fi
    for line in "\${(@f)out}"; do
        if [[ $line == :<-> ]]; then directive=\${line#:}; continue; fi
        value=\${line%%$'\\t'*}
        [[ -z $value || $value == *[[:cntrl:]]* ]] && continue
        about=\${line#"$value"}; about=\${about#$'\\t'}; about=\${about//[[:cntrl:]]/ }
        values+=("$value")
        if [[ -n $about ]]; then shown+=("$value  -- $about"); else shown+=("$value"); fi
    done
    if (( \${#values} )); then
        # compadd quotes each value for the command line (no -Q): what is inserted is data.
        compadd -l -d shown -a values
    elif [[ $directive == 0 ]]; then
        _files
    fi
}
# Autoloaded from fpath as _sanctum-config: complete now; sourced: register.
if [[ $funcstack[1] == _sanctum-config ]]; then
    _sanctum_config "$@"
else
    compdef _sanctum_config sanctum-config
fi
`;
