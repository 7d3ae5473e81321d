function result = arguments(fname, args, refused)
%ARGUMENTS  What FNAME received, checked by the Java side and returned as a struct (internal).
%   The Java side (org.bigru.matlab.MatlabArguments) declares what each +bigru function takes, with MATLAB's
%   defaults and allowed values: leading positional arguments, then name-value options. Here the positional
%   arguments are taken from the front of ARGS (an optional one only if it is not text, which would be an
%   option name), the option names are matched (nameValue: case-insensitive, REFUSED as there), and the values
%   go to Java as they are; Java checks them, writing each message about a value once, and returns the result:
%   a layer struct, or the options with MATLAB's defaults filled in and each choice in its canonical spelling.
%   Options Java does not read (ValidationData) come back as given.
if nargin < 3
  refused = cell(0, 2);
end
api = bigru.internal.javaClass('MatlabArguments');
% What a function takes is fixed while the jar is loaded: asked once per function, so a call costs one trip.
persistent declarations
if isempty(declarations)
  declarations = struct();
end
if ~isfield(declarations, fname)
  declarations.(fname) = reshape(bigru.internal.cellOfStrings(javaMethod('declared', api, fname)), 2, []);
end
declared = declarations.(fname);
isOption = strcmp(declared(2, :), 'option');
positional = declared(:, ~isOption);
k = 0;
while k < size(positional, 2) && k < numel(args) && (strcmp(positional{2, k + 1}, 'required') || ...
      ~(ischar(args{k + 1}) || isa(args{k + 1}, 'string')))
  k = k + 1;
end
optionNames = declared(1, isOption);
[options, given] = bigru.internal.nameValue(fname, cell2struct(cell(numel(optionNames), 1), optionNames(:), 1), ...
                                            args(k + 1:end), refused);
optionValues = struct2cell(options);
names = [positional(1, 1:k), optionNames(given)];
values = [args(1:k), optionValues(given)'];
[kinds, texts] = cellfun(@bigru.internal.valueText, values, 'UniformOutput', false);
try
  rows = bigru.internal.cellOfStrings(javaMethod('resolve', api, fname, names, kinds, texts));
catch err
  bigru.internal.javaError(err, fname);
end
result = bigru.internal.structFromRows(reshape(rows, 3, []), options);
end
