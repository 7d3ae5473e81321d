function Y = labelsFromCodes(codes, names, kind, orientation)
%LABELSFROMCODES  Labels of the type and orientation the network was trained with (internal).
%   A network without that record (trained from the command line) gives categorical labels (bigru.setup puts
%   a categorical on the path where the interpreter has none), else, without any categorical, a cell array
%   of strings.
codes = codes(:);
if isempty(kind)
  if ~isempty(which('categorical'))
    kind = 'categorical';
  else
    kind = 'cell';
  end
end
switch kind
  case 'categorical'
    Y = categorical(names(codes), names);
  case 'cell'
    Y = names(codes);
  case 'string'
    Y = string(names(codes));
  case 'logical'
    Y = logical(str2double(names(codes)));
  otherwise
    Y = cast(str2double(names(codes)), kind);
end
Y = reshape(Y, [], 1);
if strcmp(orientation, 'row')
  Y = reshape(Y, 1, []);
end
end
