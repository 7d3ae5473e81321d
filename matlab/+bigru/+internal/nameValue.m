function values = nameValue(fname, defaults, args)
%NAMEVALUE  Name-value pairs matched case-insensitively against the fields of DEFAULTS (internal).
%   An unknown name is an error that names it and lists the accepted ones.
values = defaults;
names = fieldnames(defaults);
if mod(numel(args), 2) ~= 0
  error('bigru:invalidArgument', '%s: expected name-value pairs, but %d arguments were given', fname, numel(args));
end
for k = 1:2:numel(args)
  name = args{k};
  if isa(name, 'string')
    name = char(name);
  end
  if ~ischar(name) || isempty(name)
    error('bigru:invalidArgument', '%s: argument %d must be an option name', fname, k);
  end
  match = find(strcmpi(names, name));
  if isempty(match)
    error('bigru:invalidArgument', '%s: ''%s'' is not an option of %s; the options are: %s', ...
          fname, name, fname, strjoin(names', ', '));
  end
  value = args{k + 1};
  if isa(value, 'string')
    value = char(value);
  end
  values.(names{match}) = value;
end
end
