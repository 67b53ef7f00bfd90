// kubectl completion SHELL: a completion script with the structure cobra's bash completion V2
// generates for kubectl (the same function names and flow: ask `kubectl __complete` for the
// candidates and a directive, then filter them for bash), written here in our own words. The
// learner's terminal completes with its own engine; the script is for reading and for `source`.
import { UsageError, type KubectlContext } from '../host.js';
import { parseFlags } from '../flags.js';

const HINT = "See 'kubectl completion -h' for help and examples";
const SHELLS = ['bash', 'zsh', 'fish', 'powershell'];

export async function completion(ctx: KubectlContext, args: string[]): Promise<number> {
  const { positional } = parseFlags(args, [], 'completion');
  if (!positional.length) throw new UsageError('Shell not specified.', HINT);
  if (positional.length > 1) throw new UsageError('Too many arguments. Expected only the shell type.', HINT);
  const shell = positional[0];
  if (!SHELLS.includes(shell)) throw new UsageError(`Unsupported shell type ${JSON.stringify(shell)}.`, HINT);
  ctx.io.out(shell === 'bash' ? BASH : `# kubectl completion for ${shell}: this sandbox's terminal is bash; see \`kubectl completion bash\`.\n`);
  return 0;
}

const BASH = `# bash completion V2 for kubectl                              -*- shell-script -*-

__kubectl_debug()
{
    # Debug output goes to the file BASH_COMP_DEBUG_FILE names, when set.
    if [[ -n \${BASH_COMP_DEBUG_FILE-} ]]; then
        echo "$*" >> "\${BASH_COMP_DEBUG_FILE}"
    fi
}

# A minimal _init_completion for shells whose bash-completion package lacks it.
__kubectl_init_completion()
{
    COMPREPLY=()
    _get_comp_words_by_ref "$@" cur prev words cword
}

# Asks kubectl itself for the candidates: \`kubectl __complete <words> <current>\` prints one
# candidate per line and, last, \`:<directive>\` (what bash should do with them).
__kubectl_get_completion_results() {
    local requestComp lastParam lastChar args
    args=("\${words[@]:1}")
    requestComp="\${words[0]} __complete \${args[*]}"
    lastParam=\${words[$((\${#words[@]}-1))]}
    lastChar=\${lastParam:$((\${#lastParam}-1)):1}
    if [[ -z \${cur} && \${lastChar} != = ]]; then
        requestComp="\${requestComp} ''"
    fi
    __kubectl_debug "Calling \${requestComp}"
    out=$(eval "\${requestComp}" 2>/dev/null)
    directive=\${out##*:}
    out=\${out%:*}
    if [[ \${directive} == "\${out}" ]]; then
        directive=0
    fi
}

__kubectl_process_completion_results() {
    local shellCompDirectiveError=1
    local shellCompDirectiveNoSpace=2
    local shellCompDirectiveNoFileComp=4
    if (((directive & shellCompDirectiveError) != 0)); then
        return
    fi
    if (((directive & shellCompDirectiveNoSpace) != 0)) && [[ $(type -t compopt) == builtin ]]; then
        compopt -o nospace
    fi
    if (((directive & shellCompDirectiveNoFileComp) != 0)) && [[ $(type -t compopt) == builtin ]]; then
        compopt +o default
    fi
    __kubectl_handle_standard_completion_case
}

__kubectl_handle_standard_completion_case() {
    local compline
    while IFS='' read -r compline; do
        [[ -z $compline ]] && continue
        # Candidates may carry a description after a tab; bash shows the name only.
        compline=\${compline%%$'\\t'*}
        [[ $compline == "$cur"* ]] && COMPREPLY+=("$compline")
    done <<< "$out"
}

__start_kubectl()
{
    local cur prev words cword split
    COMPREPLY=()
    if declare -F _init_completion >/dev/null 2>&1; then
        _init_completion -n =: || return
    else
        __kubectl_init_completion -n =: || return
    fi
    local out directive
    __kubectl_get_completion_results
    __kubectl_process_completion_results
}

if [[ $(type -t compopt) = "builtin" ]]; then
    complete -o default -F __start_kubectl kubectl
else
    complete -o default -o nospace -F __start_kubectl kubectl
fi

# ex: ts=4 sw=4 et filetype=sh
`;
