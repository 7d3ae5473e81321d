function layer = gruLayer(varargin)
%GRULAYER  A GRU layer reading the sequence forward (one direction).
%   layer = bigru.gruLayer(numHiddenUnits, Name, Value, ...)
%   'OutputMode'     'sequence' (default) or 'last'
%   'ResetGateMode'  'after-multiplication' (default), 'recurrent-bias-after-multiplication' or
%                    'before-multiplication'
%   'Name'           layer name
layer = bigru.internal.arguments('gruLayer', varargin);
end
